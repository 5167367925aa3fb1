//! Hash routes: every view lives behind `#/...` so `dist/` works from any
//! static host and sub-path with no server rewrites, and every view has a URL
//! a trainer can share. This module only parses and builds; the shell wires it
//! to the browser's `hashchange` event.

use std::fmt::Write;

/// A view of the app, parsed from the part of the URL after `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no hash at all.
    Home,
    /// `#/escalation`, `#/escalation/<flow>` or `#/escalation/<flow>/<step>`.
    Escalation {
        flow: Option<String>,
        step: Option<String>,
    },
    /// `#/sla` with the calculation in the query.
    Sla,
    /// `#/queue`: the agent's own cases.
    Queue,
    /// `#/quiz` with the quiz set in the query.
    Quiz,
    /// `#/results`: the class results a trainer gathers; `?r=` carries one.
    Results,
    /// `#/author`: writing and publishing content packs.
    Author,
    /// `#/pack`: a pack from a link (`?pack=`) or a file, previewed.
    Pack,
    /// `#/settings`.
    Settings,
    /// Anything else; keeps the path to show it back to the user.
    NotFound(String),
}

/// The query key of `#/quiz?question=<id>`: one question of the bank in use,
/// on its own. A query value rather than a path segment, because paths are
/// read in lowercase and a question id may have capitals.
const QUESTION_KEY: &str = "question";

/// The query key of a link to one part of a page
/// (`#/settings?section=space`), where focus lands when it opens: the
/// notice of a refused write links to the ways to free space, and those to
/// the queue's archive.
const SECTION_KEY: &str = "section";

/// The query key of `#/pack?pack=<fragment>`: a pack shared by link, as
/// its changes to the pack in use (`domain::pack::encode_pack_link`). The
/// author page reads it too, for links made before the pack page.
pub const PACK_LINK_KEY: &str = "pack";

/// Settings' "Free up space".
pub const FREE_SPACE_SECTION: &str = "space";

/// My queue's "Archive resolved cases".
pub const ARCHIVE_SECTION: &str = "archive";

/// The calculator's "Rules and business calendar".
pub const RULES_SECTION: &str = "rules";

/// A parsed hash: the route and its query pairs, in order, percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashLocation {
    pub route: Route,
    pub query: Vec<(String, String)>,
}

impl HashLocation {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Self {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        HashLocation {
            route: Route::from_path(path),
            query: parse_query(query),
        }
    }

    /// The first value given for `key`, if any.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The id of the question a `#/quiz?question=<id>` link shows (see
    /// [`Route::quiz_question_href`]); `None` for any other location, and
    /// for an empty id.
    pub fn quiz_question(&self) -> Option<&str> {
        if self.route != Route::Quiz {
            return None;
        }
        self.param(QUESTION_KEY)
            .map(str::trim)
            .filter(|id| !id.is_empty())
    }

    /// Whether this is a link to `section` of `route` (see
    /// [`Route::section_href`]).
    pub fn asks_for_section(&self, route: &Route, section: &str) -> bool {
        self.route == *route && self.param(SECTION_KEY) == Some(section)
    }
}

impl Route {
    /// Paths are read case-insensitively (`#/QUIZ` is the quiz): every id in
    /// a path is ASCII lowercase (the flow validation enforces it), and a link
    /// typed or retyped by hand often is not. ASCII lowering is enough, and
    /// Unicode's tables would add 12 KB gzip to the shell.
    fn from_path(path: &str) -> Self {
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| percent_decode(s).to_ascii_lowercase())
            .collect();
        match segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] => Route::Home,
            ["escalation"] => Route::Escalation {
                flow: None,
                step: None,
            },
            ["escalation", flow] => Route::Escalation {
                flow: Some(flow.to_string()),
                step: None,
            },
            ["escalation", flow, step] => Route::Escalation {
                flow: Some(flow.to_string()),
                step: Some(step.to_string()),
            },
            ["sla"] => Route::Sla,
            ["queue"] => Route::Queue,
            ["quiz"] => Route::Quiz,
            ["results"] => Route::Results,
            ["author"] => Route::Author,
            ["pack"] => Route::Pack,
            ["settings"] => Route::Settings,
            _ => Route::NotFound(format!("/{}", segments.join("/"))),
        }
    }

    /// The path part of the hash for this route, e.g. `/escalation/leadership`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Escalation { flow, step } => {
                let mut path = String::from("/escalation");
                for part in [flow, step].into_iter().flatten() {
                    path.push('/');
                    path.push_str(&percent_encode(part));
                }
                path
            }
            Route::Sla => "/sla".into(),
            Route::Queue => "/queue".into(),
            Route::Quiz => "/quiz".into(),
            Route::Results => "/results".into(),
            Route::Author => "/author".into(),
            Route::Pack => "/pack".into(),
            Route::Settings => "/settings".into(),
            Route::NotFound(path) => path.clone(),
        }
    }

    /// A link target for this route with no query: `#/sla`.
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }

    /// A link target with query pairs: `#/sla?type=general&tz=Europe%2FLondon`.
    pub fn href_with(&self, query: &[(&str, String)]) -> String {
        let mut href = self.href();
        for (i, (key, value)) in query.iter().enumerate() {
            href.push(if i == 0 { '?' } else { '&' });
            let _ = write!(href, "{}={}", percent_encode(key), percent_encode(value));
        }
        href
    }

    /// A link to one question of the bank in use, on its own:
    /// `#/quiz?question=<id>`.
    pub fn quiz_question_href(id: &str) -> String {
        Route::Quiz.href_with(&[(QUESTION_KEY, id.to_string())])
    }

    /// A link carrying a pack, previewed on the pack page before use.
    pub fn pack_link_href(fragment: &str) -> String {
        Route::Pack.href_with(&[(PACK_LINK_KEY, fragment.to_string())])
    }

    /// A link to one part of this route's page:
    /// `#/settings?section=space`.
    pub fn section_href(&self, section: &str) -> String {
        self.href_with(&[(SECTION_KEY, section.to_string())])
    }

    /// Which top-level navigation entry this route belongs to.
    pub fn section(&self) -> Section {
        match self {
            Route::Home | Route::NotFound(_) => Section::Home,
            Route::Escalation { .. } => Section::Escalation,
            Route::Sla | Route::Queue => Section::Sla,
            Route::Quiz => Section::Quiz,
            Route::Results => Section::Results,
            Route::Author | Route::Pack => Section::Author,
            Route::Settings => Section::Settings,
        }
    }
}

/// The entries of the main navigation, used to mark the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Escalation,
    Sla,
    Quiz,
    Results,
    Author,
    Settings,
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as space; malformed escapes are kept as typed
/// so a hand-edited link never fails to open.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push(high << 4 | low);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_digit(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Encodes everything but unreserved characters, so values survive the URL.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_link_opens_its_page_at_that_section() {
        let href = Route::Settings.section_href(FREE_SPACE_SECTION);
        assert_eq!(href, "#/settings?section=space");
        let location = HashLocation::parse(&href);
        assert_eq!(location.route, Route::Settings);
        assert!(location.asks_for_section(&Route::Settings, FREE_SPACE_SECTION));
        assert!(!location.asks_for_section(&Route::Queue, FREE_SPACE_SECTION));
        assert!(!location.asks_for_section(&Route::Settings, ARCHIVE_SECTION));
        assert!(!HashLocation::parse("#/settings")
            .asks_for_section(&Route::Settings, FREE_SPACE_SECTION));
        assert_eq!(
            Route::Queue.section_href(ARCHIVE_SECTION),
            "#/queue?section=archive"
        );
    }

    #[test]
    fn empty_and_root_hashes_are_home() {
        for hash in ["", "#", "#/", "/", "#//"] {
            assert_eq!(HashLocation::parse(hash).route, Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn parses_every_top_level_view() {
        assert_eq!(HashLocation::parse("#/sla").route, Route::Sla);
        assert_eq!(HashLocation::parse("#/queue").route, Route::Queue);
        assert_eq!(HashLocation::parse("#/quiz").route, Route::Quiz);
        assert_eq!(HashLocation::parse("#/results").route, Route::Results);
        assert_eq!(HashLocation::parse("#/settings/").route, Route::Settings);
        assert_eq!(HashLocation::parse("#/author").route, Route::Author);
        assert_eq!(HashLocation::parse("#/pack").route, Route::Pack);
    }

    #[test]
    fn a_pack_link_opens_the_pack_page_with_its_fragment() {
        let location = HashLocation::parse(&Route::pack_link_href("eJyr-_0"));
        assert_eq!(location.route, Route::Pack);
        assert_eq!(location.param(PACK_LINK_KEY), Some("eJyr-_0"));
        assert_eq!(Route::Pack.section(), Section::Author);
    }

    #[test]
    fn paths_typed_in_capitals_open_the_same_view() {
        assert_eq!(HashLocation::parse("#/QUIZ").route, Route::Quiz);
        assert_eq!(
            HashLocation::parse("#/Escalation/DSAR/Close-Case?view=Diagram"),
            HashLocation {
                route: Route::Escalation {
                    flow: Some("dsar".into()),
                    step: Some("close-case".into())
                },
                query: vec![("view".into(), "Diagram".into())],
            }
        );
    }

    #[test]
    fn parses_escalation_flow_and_step() {
        assert_eq!(
            HashLocation::parse("#/escalation/leadership/refuses-wait").route,
            Route::Escalation {
                flow: Some("leadership".into()),
                step: Some("refuses-wait".into())
            }
        );
        assert_eq!(
            HashLocation::parse("#/escalation").route,
            Route::Escalation {
                flow: None,
                step: None
            }
        );
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_the_path() {
        assert_eq!(
            HashLocation::parse("#/nope/deeper").route,
            Route::NotFound("/nope/deeper".into())
        );
        assert_eq!(
            HashLocation::parse("#/escalation/a/b/c").route,
            Route::NotFound("/escalation/a/b/c".into())
        );
    }

    #[test]
    fn parses_query_pairs_in_order_and_decodes_them() {
        let loc = HashLocation::parse(
            "#/sla?type=general&received=2026-03-06T15%3A01&tz=America%2FNew_York&holidays=&x",
        );
        assert_eq!(loc.route, Route::Sla);
        assert_eq!(loc.param("type"), Some("general"));
        assert_eq!(loc.param("received"), Some("2026-03-06T15:01"));
        assert_eq!(loc.param("tz"), Some("America/New_York"));
        assert_eq!(loc.param("holidays"), Some(""));
        assert_eq!(loc.param("x"), Some(""));
        assert_eq!(loc.param("missing"), None);
    }

    #[test]
    fn unencoded_slashes_and_colons_in_values_are_accepted() {
        let loc = HashLocation::parse("#/sla?tz=Europe/London&received=2026-01-05T09:00");
        assert_eq!(loc.param("tz"), Some("Europe/London"));
        assert_eq!(loc.param("received"), Some("2026-01-05T09:00"));
    }

    #[test]
    fn malformed_escapes_are_kept_as_typed() {
        let typed = [
            ("100%", "100%"),
            ("%zz1", "%zz1"),
            ("a+b%20c", "a b c"),
            ("%é%", "%é%"),
        ];
        for (text, decoded) in typed {
            assert_eq!(percent_decode(text), decoded, "{text}");
        }
    }

    #[test]
    fn hrefs_round_trip_through_the_parser() {
        let route = Route::Escalation {
            flow: Some("leadership".into()),
            step: Some("warm transfer".into()),
        };
        assert_eq!(route.href(), "#/escalation/leadership/warm%20transfer");
        assert_eq!(HashLocation::parse(&route.href()).route, route);

        let href = Route::Sla.href_with(&[
            ("type", "general".into()),
            ("tz", "America/New_York".into()),
        ]);
        assert_eq!(href, "#/sla?type=general&tz=America%2FNew_York");
        let loc = HashLocation::parse(&href);
        assert_eq!(loc.param("tz"), Some("America/New_York"));
    }

    #[test]
    fn a_question_link_round_trips_with_its_id_as_typed() {
        let href = Route::quiz_question_href("Q001.Resolution-times_2");
        assert_eq!(href, "#/quiz?question=Q001.Resolution-times_2");
        let loc = HashLocation::parse(&href);
        assert_eq!(loc.route, Route::Quiz);
        assert_eq!(loc.quiz_question(), Some("Q001.Resolution-times_2"));
        // Capitals in the path do not reach the id; escapes are decoded.
        let typed = HashLocation::parse("#/QUIZ?question=%20q%2F1%20&mode=exam");
        assert_eq!(typed.quiz_question(), Some("q/1"));
        assert_eq!(
            HashLocation::parse(&Route::quiz_question_href("a b&c")).quiz_question(),
            Some("a b&c")
        );
    }

    #[test]
    fn only_a_quiz_link_with_an_id_names_a_question() {
        for hash in [
            "#/quiz",
            "#/quiz?question=",
            "#/quiz?question=%20",
            "#/quiz?mode=exam",
            "#/results?question=q1",
            "#/quiz/q1",
        ] {
            assert_eq!(HashLocation::parse(hash).quiz_question(), None, "{hash}");
        }
    }

    #[test]
    fn sections_mark_the_navigation() {
        assert_eq!(Route::Queue.section(), Section::Sla);
        assert_eq!(Route::Results.section(), Section::Results);
        let question = HashLocation::parse(&Route::quiz_question_href("q1"));
        assert_eq!(question.route.section(), Section::Quiz);
        assert_eq!(Route::NotFound("/x".into()).section(), Section::Home);
    }
}
