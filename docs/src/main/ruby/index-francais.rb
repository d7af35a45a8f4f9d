# frozen_string_literal: true

# L'index du livre PDF, trié à la française. Asciidoctor PDF trie les termes
# par casecmp, qui ne replie que l'ASCII : « mémoire partagée » tombait après
# « mqd_t », et un terme qui commence par « é » ouvrait sa propre lettre
# après Z. Ici, les accents ne comptent qu'entre deux termes égaux sans eux,
# et « É » se range sous « E ». Chargé par les seules exécutions PDF
# (docs/pom.xml).
require 'asciidoctor/pdf'

module IndexFrancais
  def self.cle nom
    nom.unicode_normalize(:nfd).gsub(/\p{Mn}/, '').downcase
  end

  # Le tri des termes, des sous-termes et des lettres.
  module Tri
    def <=> other
      (val = IndexFrancais.cle(name) <=> IndexFrancais.cle(other.name)) == 0 ? super : val
    end
  end

  # La lettre d'un terme, sans son accent.
  module Lettre
    def init_category name
      super name.unicode_normalize(:nfd)[0]
    end
  end
end

Asciidoctor::PDF::IndexTermGroup.prepend IndexFrancais::Tri
Asciidoctor::PDF::IndexCatalog.prepend IndexFrancais::Lettre
