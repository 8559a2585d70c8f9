//! The interface's words: every text of the built-in theme that is not the
//! briefings' own (headings, links, column names, the footer), in English,
//! German, French and Spanish, chosen by `language:` and replaced one by one
//! by `strings:` in `tracebrief.yaml`; and dates as each language writes
//! them ("20 November 2025", "20. November 2025", "20 novembre 2025",
//! "20 de noviembre de 2025").
//!
//! Published figures are never translated: they keep the form their source
//! gives them, which is what the published-number check reads back.

use std::collections::BTreeMap;

/// The languages with built-in words, by their primary subtag.
pub const LANGUAGES: [&str; 4] = ["en", "de", "fr", "es"];

/// The interface's words for one language, with the project's overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strings {
    /// `en`, `de`, `fr` or `es`: the built-in words and dates used.
    pub language: &'static str,
    words: BTreeMap<&'static str, String>,
}

impl Strings {
    /// The words of `language` (`en-GB` takes `en`'s; a language without
    /// built-in words takes English), each key of `overrides` replacing one.
    pub fn new(language: &str, overrides: &BTreeMap<String, String>) -> Strings {
        let primary = language.split(['-', '_']).next().unwrap_or("en").to_ascii_lowercase();
        let language = LANGUAGES.into_iter().find(|l| *l == primary).unwrap_or("en");
        let mut words: BTreeMap<&'static str, String> =
            ENGLISH.iter().map(|(key, text)| (*key, (*text).to_string())).collect();
        for (key, text) in table(language) {
            words.insert(key, (*text).to_string());
        }
        for (key, text) in overrides {
            if let Some((key, _)) = ENGLISH.iter().find(|(k, _)| k == key) {
                words.insert(key, text.clone());
            }
        }
        Strings { language, words }
    }

    /// The text of `key`; the key itself if there is none (never for a key of the built-in table).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.words.get(key).map_or(key, String::as_str)
    }

    /// Every key and its text, for templates (`{{ t.summary }}`).
    pub fn words(&self) -> &BTreeMap<&'static str, String> {
        &self.words
    }

    /// Which of a word's forms this language gives a count of `n` (the
    /// `_one` or the `_other` of `figure_one`, `figure_other`): French
    /// counts 0 as one, the other languages only 1.
    pub fn plural(&self, n: usize) -> &'static str {
        let one = match self.language {
            "fr" => n <= 1,
            _ => n == 1,
        };
        if one { "one" } else { "other" }
    }

    /// A date of a fact sheet (`2025-02-17`) as this language writes it; a
    /// month (`2025-04`) as a month and year. Anything else as it is.
    pub fn date(&self, iso: &str) -> String {
        let mut parts = iso.split('-');
        let (Some(y), Some(m)) = (parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let Some(month) = m.parse::<usize>().ok().and_then(|m| months(self.language).get(m.wrapping_sub(1))) else {
            return iso.to_string();
        };
        let day = match parts.next().map(str::parse::<u32>) {
            None => None,
            Some(Ok(d)) if parts.next().is_none() && (1..=31).contains(&d) => Some(d),
            Some(_) => return iso.to_string(),
        };
        match (self.language, day) {
            ("de", Some(d)) => format!("{d}. {month} {y}"),
            ("fr", Some(1)) => format!("1er {month} {y}"),
            ("es", Some(d)) => format!("{d} de {month} de {y}"),
            ("es", None) => format!("{month} de {y}"),
            (_, Some(d)) => format!("{d} {month} {y}"),
            (_, None) => format!("{month} {y}"),
        }
    }

    /// The keys a project may override, for messages.
    pub fn keys() -> impl Iterator<Item = &'static str> {
        ENGLISH.iter().map(|(key, _)| *key)
    }
}

fn months(language: &str) -> &'static [&'static str; 12] {
    match language {
        "de" => &[
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        "fr" => &[
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "es" => &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        _ => &crate::numbers::MONTH_NAMES,
    }
}

fn table(language: &str) -> &'static [(&'static str, &'static str)] {
    match language {
        "de" => GERMAN,
        "fr" => FRENCH,
        "es" => SPANISH,
        _ => ENGLISH,
    }
}

/// Every key, with its English text.
const ENGLISH: &[(&str, &str)] = &[
    ("skip_to_content", "Skip to content"),
    ("site_navigation", "Site"),
    ("nav_briefings", "Briefings"),
    ("nav_actors", "Actors"),
    ("nav_figures", "Figures"),
    ("nav_quotes", "Quotes"),
    ("nav_search", "Search"),
    (
        "footer",
        "Every figure, quote and actor here is traced to the sentence of its source that states it: select a figure or a quote to read that sentence.",
    ),
    (
        "site_description",
        "Briefings whose every figure, quote and actor is traced to the sentence of its source that states it.",
    ),
    ("feed", "Atom feed"),
    ("briefing", "Briefing"),
    ("annotated_source", "Annotated source"),
    ("printable_version", "Printable version"),
    ("pdf", "PDF"),
    ("original_article", "Original article"),
    ("source", "Source"),
    ("summary", "Summary"),
    ("key_figures", "Key figures"),
    ("quotes", "Quotes"),
    ("actors", "Actors"),
    ("figure", "Figure"),
    ("quote", "Quote"),
    ("value", "Value"),
    ("stated_in", "Stated in"),
    ("sentence", "Sentence"),
    ("in_the_source", "in the annotated source"),
    ("in_the_original", "in the original article"),
    ("said_by", "said by"),
    ("figure_one", "figure"),
    ("figure_other", "figures"),
    ("quote_one", "quote"),
    ("quote_other", "quotes"),
    ("actor_one", "actor"),
    ("actor_other", "actors"),
    ("sentences", "sentences"),
    ("cited", "cited"),
    ("kind_person", "person"),
    ("kind_organisation", "organisation"),
    ("kind_country", "country"),
    ("group_person", "People"),
    ("group_organisation", "Organisations"),
    ("group_country", "Countries"),
    ("name", "Name"),
    ("role", "Role"),
    ("kind", "Kind"),
    ("briefings", "Briefings"),
    ("roles", "Roles"),
    ("role_in", "in"),
    ("mentioned_in", "Mentioned in"),
    ("appears_with", "Appears with"),
    ("facts_lede", "Every figure of every briefing, with the sentence of the source that states it."),
    ("no_briefings", "No briefings yet."),
    ("no_figures", "No figures yet."),
    ("no_quotes", "No quotes yet."),
    ("pages_of_list", "Pages of this list"),
    ("previous", "Previous"),
    ("next", "Next"),
    ("printable_briefing", "printable briefing"),
    ("date", "Date"),
    ("headline", "Headline"),
    ("published_at", "Published at"),
    ("back_to_briefing", "Back to the briefing"),
    ("sources", "Sources"),
    ("notes_intro", "Each figure and quote above is stated in a sentence of the source, quoted here exactly:"),
    ("print_footer", "Every figure is traced to a quoted source sentence"),
    ("page", "Page"),
    ("page_of", "of"),
    ("not_found", "Page not found"),
    ("not_found_text", "There is no page at this address. Every briefing is listed on the home page."),
    ("go_home", "All briefings"),
    ("search", "Search"),
    ("search_label", "Search briefings, actors, figures and quotes"),
    ("search_placeholder", "a name, a figure, a subject"),
    ("search_button", "Search"),
    ("search_hint", "Type a name, a figure or words of a quote."),
    ("search_none", "Nothing found."),
    (
        "search_no_script",
        "Search needs JavaScript. Every briefing, actor, figure and quote is also listed on the pages linked above.",
    ),
    ("search_results", "Results"),
];

const GERMAN: &[(&str, &str)] = &[
    ("skip_to_content", "Zum Inhalt springen"),
    ("site_navigation", "Website"),
    ("nav_briefings", "Briefings"),
    ("nav_actors", "Akteure"),
    ("nav_figures", "Zahlen"),
    ("nav_quotes", "Zitate"),
    ("nav_search", "Suche"),
    (
        "footer",
        "Jede Zahl, jedes Zitat und jeder Akteur hier ist auf den Satz der Quelle zurückgeführt, der sie nennt: Wählen Sie eine Zahl oder ein Zitat, um diesen Satz zu lesen.",
    ),
    (
        "site_description",
        "Briefings, deren Zahlen, Zitate und Akteure jeweils auf den Satz ihrer Quelle zurückgeführt sind.",
    ),
    ("feed", "Atom-Feed"),
    ("briefing", "Briefing"),
    ("annotated_source", "Kommentierte Quelle"),
    ("printable_version", "Druckfassung"),
    ("pdf", "PDF"),
    ("original_article", "Originalartikel"),
    ("source", "Quelle"),
    ("summary", "Zusammenfassung"),
    ("key_figures", "Wichtige Zahlen"),
    ("quotes", "Zitate"),
    ("actors", "Akteure"),
    ("figure", "Zahl"),
    ("quote", "Zitat"),
    ("value", "Wert"),
    ("stated_in", "Genannt in"),
    ("sentence", "Satz"),
    ("in_the_source", "in der kommentierten Quelle"),
    ("in_the_original", "im Originalartikel"),
    ("said_by", "gesagt von"),
    ("figure_one", "Zahl"),
    ("figure_other", "Zahlen"),
    ("quote_one", "Zitat"),
    ("quote_other", "Zitate"),
    ("actor_one", "Akteur"),
    ("actor_other", "Akteure"),
    ("sentences", "Sätze"),
    ("cited", "zitiert"),
    ("kind_person", "Person"),
    ("kind_organisation", "Organisation"),
    ("kind_country", "Land"),
    ("group_person", "Personen"),
    ("group_organisation", "Organisationen"),
    ("group_country", "Länder"),
    ("name", "Name"),
    ("role", "Funktion"),
    ("kind", "Art"),
    ("briefings", "Briefings"),
    ("roles", "Funktionen"),
    ("role_in", "in"),
    ("mentioned_in", "Erwähnt in"),
    ("appears_with", "Erscheint mit"),
    ("facts_lede", "Jede Zahl jedes Briefings, mit dem Satz der Quelle, der sie nennt."),
    ("no_briefings", "Noch keine Briefings."),
    ("no_figures", "Noch keine Zahlen."),
    ("no_quotes", "Noch keine Zitate."),
    ("pages_of_list", "Seiten dieser Liste"),
    ("previous", "Zurück"),
    ("next", "Weiter"),
    ("printable_briefing", "Druckfassung"),
    ("date", "Datum"),
    ("headline", "Überschrift"),
    ("published_at", "Veröffentlicht unter"),
    ("back_to_briefing", "Zurück zum Briefing"),
    ("sources", "Quellen"),
    ("notes_intro", "Jede Zahl und jedes Zitat oben steht in einem Satz der Quelle, hier wörtlich zitiert:"),
    ("print_footer", "Jede Zahl ist auf einen zitierten Satz der Quelle zurückgeführt"),
    ("page", "Seite"),
    ("page_of", "von"),
    ("not_found", "Seite nicht gefunden"),
    ("not_found_text", "Unter dieser Adresse gibt es keine Seite. Alle Briefings stehen auf der Startseite."),
    ("go_home", "Alle Briefings"),
    ("search", "Suche"),
    ("search_label", "Briefings, Akteure, Zahlen und Zitate durchsuchen"),
    ("search_placeholder", "ein Name, eine Zahl, ein Thema"),
    ("search_button", "Suchen"),
    ("search_hint", "Geben Sie einen Namen, eine Zahl oder Worte eines Zitats ein."),
    ("search_none", "Nichts gefunden."),
    (
        "search_no_script",
        "Die Suche braucht JavaScript. Alle Briefings, Akteure, Zahlen und Zitate stehen auch auf den oben verlinkten Seiten.",
    ),
    ("search_results", "Ergebnisse"),
];

const FRENCH: &[(&str, &str)] = &[
    ("skip_to_content", "Aller au contenu"),
    ("site_navigation", "Site"),
    ("nav_briefings", "Notes"),
    ("nav_actors", "Acteurs"),
    ("nav_figures", "Chiffres"),
    ("nav_quotes", "Citations"),
    ("nav_search", "Recherche"),
    (
        "footer",
        "Chaque chiffre, citation et acteur est rattaché à la phrase de sa source qui l’énonce : choisissez un chiffre ou une citation pour lire cette phrase.",
    ),
    (
        "site_description",
        "Des notes dont chaque chiffre, citation et acteur est rattaché à la phrase de sa source qui l’énonce.",
    ),
    ("feed", "Flux Atom"),
    ("briefing", "Note"),
    ("annotated_source", "Source annotée"),
    ("printable_version", "Version imprimable"),
    ("pdf", "PDF"),
    ("original_article", "Article original"),
    ("source", "Source"),
    ("summary", "Résumé"),
    ("key_figures", "Chiffres clés"),
    ("quotes", "Citations"),
    ("actors", "Acteurs"),
    ("figure", "Chiffre"),
    ("quote", "Citation"),
    ("value", "Valeur"),
    ("stated_in", "Énoncé en"),
    ("sentence", "Phrase"),
    ("in_the_source", "dans la source annotée"),
    ("in_the_original", "dans l’article original"),
    ("said_by", "dit par"),
    ("figure_one", "chiffre"),
    ("figure_other", "chiffres"),
    ("quote_one", "citation"),
    ("quote_other", "citations"),
    ("actor_one", "acteur"),
    ("actor_other", "acteurs"),
    ("sentences", "phrases"),
    ("cited", "citées"),
    ("kind_person", "personne"),
    ("kind_organisation", "organisation"),
    ("kind_country", "pays"),
    ("group_person", "Personnes"),
    ("group_organisation", "Organisations"),
    ("group_country", "Pays"),
    ("name", "Nom"),
    ("role", "Fonction"),
    ("kind", "Type"),
    ("briefings", "Notes"),
    ("roles", "Fonctions"),
    ("role_in", "dans"),
    ("mentioned_in", "Cité dans"),
    ("appears_with", "Apparaît avec"),
    ("facts_lede", "Chaque chiffre de chaque note, avec la phrase de la source qui l’énonce."),
    ("no_briefings", "Aucune note pour l’instant."),
    ("no_figures", "Aucun chiffre pour l’instant."),
    ("no_quotes", "Aucune citation pour l’instant."),
    ("pages_of_list", "Pages de cette liste"),
    ("previous", "Précédent"),
    ("next", "Suivant"),
    ("printable_briefing", "version imprimable"),
    ("date", "Date"),
    ("headline", "Titre"),
    ("published_at", "Publié à"),
    ("back_to_briefing", "Retour à la note"),
    ("sources", "Sources"),
    (
        "notes_intro",
        "Chaque chiffre et chaque citation ci-dessus figure dans une phrase de la source, citée ici telle quelle :",
    ),
    ("print_footer", "Chaque chiffre est rattaché à une phrase citée de la source"),
    ("page", "Page"),
    ("page_of", "sur"),
    ("not_found", "Page introuvable"),
    ("not_found_text", "Il n’y a pas de page à cette adresse. Toutes les notes sont sur la page d’accueil."),
    ("go_home", "Toutes les notes"),
    ("search", "Recherche"),
    ("search_label", "Chercher dans les notes, acteurs, chiffres et citations"),
    ("search_placeholder", "un nom, un chiffre, un sujet"),
    ("search_button", "Chercher"),
    ("search_hint", "Tapez un nom, un chiffre ou les mots d’une citation."),
    ("search_none", "Aucun résultat."),
    (
        "search_no_script",
        "La recherche demande JavaScript. Toutes les notes, acteurs, chiffres et citations sont aussi sur les pages liées ci-dessus.",
    ),
    ("search_results", "Résultats"),
];

const SPANISH: &[(&str, &str)] = &[
    ("skip_to_content", "Ir al contenido"),
    ("site_navigation", "Sitio"),
    ("nav_briefings", "Informes"),
    ("nav_actors", "Actores"),
    ("nav_figures", "Cifras"),
    ("nav_quotes", "Citas"),
    ("nav_search", "Buscar"),
    (
        "footer",
        "Cada cifra, cita y actor remite a la frase de su fuente que lo dice: elija una cifra o una cita para leer esa frase.",
    ),
    ("site_description", "Informes en los que cada cifra, cita y actor remite a la frase de su fuente que lo dice."),
    ("feed", "Canal Atom"),
    ("briefing", "Informe"),
    ("annotated_source", "Fuente anotada"),
    ("printable_version", "Versión para imprimir"),
    ("pdf", "PDF"),
    ("original_article", "Artículo original"),
    ("source", "Fuente"),
    ("summary", "Resumen"),
    ("key_figures", "Cifras clave"),
    ("quotes", "Citas"),
    ("actors", "Actores"),
    ("figure", "Cifra"),
    ("quote", "Cita"),
    ("value", "Valor"),
    ("stated_in", "Dicho en"),
    ("sentence", "Frase"),
    ("in_the_source", "en la fuente anotada"),
    ("in_the_original", "en el artículo original"),
    ("said_by", "dicho por"),
    ("figure_one", "cifra"),
    ("figure_other", "cifras"),
    ("quote_one", "cita"),
    ("quote_other", "citas"),
    ("actor_one", "actor"),
    ("actor_other", "actores"),
    ("sentences", "frases"),
    ("cited", "citadas"),
    ("kind_person", "persona"),
    ("kind_organisation", "organización"),
    ("kind_country", "país"),
    ("group_person", "Personas"),
    ("group_organisation", "Organizaciones"),
    ("group_country", "Países"),
    ("name", "Nombre"),
    ("role", "Cargo"),
    ("kind", "Tipo"),
    ("briefings", "Informes"),
    ("roles", "Cargos"),
    ("role_in", "en"),
    ("mentioned_in", "Mencionado en"),
    ("appears_with", "Aparece con"),
    ("facts_lede", "Cada cifra de cada informe, con la frase de la fuente que la dice."),
    ("no_briefings", "Aún no hay informes."),
    ("no_figures", "Aún no hay cifras."),
    ("no_quotes", "Aún no hay citas."),
    ("pages_of_list", "Páginas de esta lista"),
    ("previous", "Anterior"),
    ("next", "Siguiente"),
    ("printable_briefing", "versión para imprimir"),
    ("date", "Fecha"),
    ("headline", "Titular"),
    ("published_at", "Publicado en"),
    ("back_to_briefing", "Volver al informe"),
    ("sources", "Fuentes"),
    ("notes_intro", "Cada cifra y cada cita de arriba está en una frase de la fuente, citada aquí tal cual:"),
    ("print_footer", "Cada cifra remite a una frase citada de la fuente"),
    ("page", "Página"),
    ("page_of", "de"),
    ("not_found", "Página no encontrada"),
    ("not_found_text", "No hay ninguna página en esta dirección. Todos los informes están en la página de inicio."),
    ("go_home", "Todos los informes"),
    ("search", "Buscar"),
    ("search_label", "Buscar en informes, actores, cifras y citas"),
    ("search_placeholder", "un nombre, una cifra, un tema"),
    ("search_button", "Buscar"),
    ("search_hint", "Escriba un nombre, una cifra o palabras de una cita."),
    ("search_none", "No se encontró nada."),
    (
        "search_no_script",
        "La búsqueda necesita JavaScript. Todos los informes, actores, cifras y citas están también en las páginas enlazadas arriba.",
    ),
    ("search_results", "Resultados"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key_and_no_other() {
        let keys: Vec<&str> = Strings::keys().collect();
        for (language, table) in [("de", GERMAN), ("fr", FRENCH), ("es", SPANISH)] {
            let theirs: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            assert_eq!(theirs, keys, "{language}");
        }
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        let none = BTreeMap::new();
        let rows = [
            ("en", "2025-11-20", "20 November 2025"),
            ("en-GB", "2025-04", "April 2025"),
            ("de", "2025-11-20", "20. November 2025"),
            ("de-AT", "2025-03", "März 2025"),
            ("fr", "2025-11-20", "20 novembre 2025"),
            ("fr-CA", "2025-02-01", "1er février 2025"),
            ("es", "2025-11-20", "20 de noviembre de 2025"),
            ("es", "2025-08", "agosto de 2025"),
            ("pt", "2025-11-20", "20 November 2025"),
            ("en", "2025-13-01", "2025-13-01"),
            ("en", "not a date", "not a date"),
        ];
        for (language, iso, expected) in rows {
            assert_eq!(Strings::new(language, &none).date(iso), expected, "{language} {iso}");
        }
    }

    #[test]
    fn overrides_replace_one_word() {
        let overrides = BTreeMap::from([("key_figures".to_string(), "Numbers that matter".to_string())]);
        let strings = Strings::new("de", &overrides);
        assert_eq!(strings.get("key_figures"), "Numbers that matter");
        assert_eq!(strings.get("summary"), "Zusammenfassung");
    }
}
