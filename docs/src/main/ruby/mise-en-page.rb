# Mise en page du livre PDF : un bloc court ne se coupe pas en bas de page.
#
# Asciidoctor PDF 2.3 coupe un listing où il tombe : il laissait une ou deux
# lignes de code en bas d'une page, ou une accolade « } » seule en haut de la
# suivante, et coupait les encadrés Précision en deux. L'option unbreakable
# (celle que donnerait [%unbreakable] sur chaque bloc) envoie le bloc entier
# à la page suivante s'il ne tient pas dans ce qui reste ; on la réserve aux
# blocs courts, pour ne jamais laisser plus d'une demi-page vide. Un bloc plus
# long qu'une page se coupe de toute façon.
require 'asciidoctor/extensions'

Asciidoctor::Extensions.register do
  tree_processor do
    process do |doc|
      next doc unless doc.backend == 'pdf'
      doc.find_by(context: :listing).each do |b|
        b.set_option 'unbreakable' if b.lines.size <= 28
      end
      doc.find_by(context: :literal).each do |b|
        b.set_option 'unbreakable' if b.lines.size <= 28
      end
      doc.find_by(context: :admonition).each do |b|
        texte = b.blocks? ? b.blocks.map { |x| x.respond_to?(:lines) ? x.lines.size : 3 }.sum : b.lines.size
        b.set_option 'unbreakable' if texte <= 18
      end
      doc
    end
  end
end
