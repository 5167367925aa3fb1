//! Class results: codes, re-scoring, the class and what it misses, with
//! expected numbers worked out by hand on the small test bank.

use super::*;
use crate::domain::quiz::testing::*;
use crate::domain::quiz::*;

/// The small bank's questions in the order every result here asks them.
const ORDER: [&str; 6] = ["a1", "a2", "a3", "b1", "b2", "b3"];

fn text(typed: &str) -> Option<AnswerGiven> {
    Some(AnswerGiven::Text(typed.into()))
}

fn order(ids: &[&str]) -> Option<AnswerGiven> {
    Some(AnswerGiven::Order(
        ids.iter().map(|s| s.to_string()).collect(),
    ))
}

fn small_identity() -> BankIdentity {
    bank_identity(&small_bank(), CUSTOM_PACK)
}

/// A result of the six questions in [`ORDER`], started at 09:00 on the 4th
/// and finished `minutes` later, with pass mark 60%.
fn sent(name: &str, answers: Vec<Option<AnswerGiven>>, minutes: u32, claimed: f64) -> SentResult {
    SentResult {
        name: name.into(),
        bank: small_identity(),
        questions: ORDER.iter().map(|s| s.to_string()).collect(),
        seed: 48213,
        pass_percent: 60,
        time_limit_minutes: Some(30),
        answers,
        started_at: at(4, 9, 0),
        finished_at: at(4, 9, minutes),
        claimed_percent: claimed,
    }
}

/// Partly right on every kind: a1 1, a2 ½ (p of p and q), a3 1 (capitals
/// and "!" ignored), b1 ⅓ (only "one" in place), b2 0 (m right, w wrong:
/// 1 − 1 = 0), b3 1. Total 3⅚ of 6 = 63.888…%.
fn ann() -> SentResult {
    sent(
        "Ann",
        vec![
            Some(picks(&["y"])),
            Some(picks(&["p"])),
            text("include it!"),
            order(&["one", "three", "two"]),
            Some(picks(&["m", "w"])),
            Some(picks(&["x"])),
        ],
        12,
        63.888_888_888_888_89,
    )
}

/// a1 0, a2 ½ (2 right − 1 wrong of 2), a3 0, b1 1, b2 1, b3 unanswered:
/// 2½ of 6 = 41.666…%.
fn bob() -> SentResult {
    sent(
        "Bob",
        vec![
            Some(picks(&["x"])),
            Some(picks(&["p", "q", "r"])),
            text("exclude it"),
            order(&["one", "two", "three"]),
            Some(picks(&["m", "n"])),
            None,
        ],
        20,
        41.666_666_666_666_67,
    )
}

/// a1 1, a2 1, a3 1, b1 ⅓ ("three" in place), b2 ½ (2 right, up to the 2
/// asked, − 1 wrong, of 2), b3 0: 3⅚ of 6 = 63.888…%, finished at 09:09.
fn cy() -> SentResult {
    sent(
        "Cy",
        vec![
            Some(picks(&["y"])),
            Some(picks(&["p", "q"])),
            text("Include it"),
            order(&["two", "one", "three"]),
            Some(picks(&["n", "o", "w"])),
            Some(picks(&["y"])),
        ],
        9,
        63.888_888_888_888_89,
    )
}

fn class_of(results: Vec<SentResult>) -> ClassResults {
    let mut class = ClassResults::default();
    for result in results {
        assert_eq!(class.add(result, at(5, 8, 0)), Added::New);
    }
    class
}

fn rows_of(results: Vec<SentResult>) -> Vec<ClassRow> {
    class_of(results).rows(&small_bank(), &small_identity(), None)
}

/// A result's warnings in the words the trainer reads.
fn words(scored: &Rescored) -> Vec<String> {
    scored.warnings().iter().map(ToString::to_string).collect()
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9
}

#[test]
fn a_result_survives_encoding_and_decoding() {
    let code = encode_result(&ann());
    assert!(code.starts_with("DESKAID-RESULT-1."), "{code}");
    assert!(code.len() < 600, "{} characters", code.len());
    assert_eq!(decode_result(&code), Ok(ann()));
    assert_eq!(decode_result(&format!("  {code}\n")), Ok(ann()));
    assert_eq!(
        decode_result(&code.replacen("DESKAID-RESULT", "deskaid-result", 1)),
        Ok(ann())
    );
}

/// Format 1 as written down, not as this build happens to write it: the
/// code below was made by hand (the JSON deflated by Python's zlib, then
/// base64url), so a change to the format or to the deflater shows here.
const DEE_CODE: &str = "DESKAID-RESULT-1.dY5NCsJADIXv8tZTiT9FnbVHcCcicUzpYJ3WplWk9O6mG9GFISSQvPclAxLfBB47ETicOV3hBzQcrEPL2DRyscVDWo11shn9RFFgdLj3op2tFf4Ank-gJY4OKmb2a2c81VMjbZDUwW_IgZM-jWmGAdeYTIZQ1jGITte46mVivXAcXeqraoJ13HZyObERsKDFKqNlRqs9bT2RZUa5VXMXMUUt_yjzb2WoON5M-PkspxmNbw";

#[test]
fn a_code_of_format_1_decodes_to_known_fields() {
    let result = decode_result(DEE_CODE).unwrap();
    assert_eq!(result.name, "Dee");
    assert_eq!(result.bank.pack, "shipped");
    assert_eq!(result.bank.version, "00000000000000ff");
    assert_eq!(result.questions, ["a1", "b3"]);
    assert_eq!(result.seed, 7);
    assert_eq!(result.pass_percent, 80);
    assert_eq!(result.time_limit_minutes, None);
    assert_eq!(result.answers, [Some(picks(&["y"])), None]);
    assert_eq!(result.started_at.to_rfc3339(), "2024-03-04T09:00:00-05:00");
    assert_eq!(result.finished_at.to_rfc3339(), "2024-03-04T09:05:00-05:00");
    assert_eq!(result.claimed_percent, 50.0);
}

#[test]
fn bad_codes_each_say_what_is_wrong() {
    let code = encode_result(&ann());
    let cut = &code[..code.len() / 2];
    assert_eq!(decode_result(cut), Err(ResultCodeError::Damaged));
    assert_eq!(
        decode_result(&code.replacen("-1.", "-2.", 1)),
        Err(ResultCodeError::NewerFormat { version: 2 })
    );
    assert_eq!(
        decode_result("DESKAID-RESULT-1.!!!"),
        Err(ResultCodeError::Damaged)
    );
    assert_eq!(
        decode_result("DESKAID-RESULT-0.abc"),
        Err(ResultCodeError::Damaged)
    );
    assert_eq!(
        decode_result("{\"topics\": []}"),
        Err(ResultCodeError::NotACode)
    );
    let huge = format!("DESKAID-RESULT-1.{}", "A".repeat(70_000));
    assert_eq!(decode_result(&huge), Err(ResultCodeError::TooLarge));
    // A result that unpacks but does not hold together is damaged too.
    let mut short = ann();
    short.answers.pop();
    assert_eq!(
        decode_result(&encode_result(&short)),
        Err(ResultCodeError::Damaged)
    );
    assert!(ResultCodeError::NewerFormat { version: 2 }
        .to_string()
        .contains("newer Deskaid"));
}

#[test]
fn codes_are_found_in_chat_text_and_links() {
    let text = "Hi! Mine: DESKAID-RESULT-1.abc-_9. Bob's (deskaid-result-1.DEF)\n\
                https://example.org/deskaid/#/results?r=DESKAID-RESULT-1.xyz&from=mail \
                and a cut one DESKAID-RESULT- then DESKAID-RESULT-12.q, again DESKAID-RESULT-1.xyz";
    assert_eq!(
        find_result_codes(text),
        [
            "DESKAID-RESULT-1.abc-_9",
            "deskaid-result-1.DEF",
            "DESKAID-RESULT-1.xyz",
            "DESKAID-RESULT-",
            "DESKAID-RESULT-12.q",
        ]
    );
    assert!(find_result_codes("no code here").is_empty());
}

/// `code` broken every `width` characters, as a mail client wraps a line
/// with no spaces to break at; `line_break` ends each line and may carry
/// the next line's quote marks.
fn wrap(code: &str, width: usize, line_break: &str) -> String {
    code.as_bytes()
        .chunks(width)
        .map(|line| std::str::from_utf8(line).unwrap())
        .collect::<Vec<_>>()
        .join(line_break)
}

#[test]
fn a_code_wrapped_by_a_mail_client_is_joined_again() {
    let code = encode_result(&ann());
    let mail = format!("Hi, my result:\n{}\n\nThanks,\nAnn", wrap(&code, 72, "\n"));
    assert!(mail.lines().count() >= 7, "{mail}");
    assert_eq!(find_result_codes(&mail), [code.as_str()]);

    // Quoted twice in a reply, with the spaces format=flowed leaves at the
    // end of each line, CRLF, and the code starting mid-line.
    let reply = format!(
        "> > Dee wrote: {}\r\n> > Thanks",
        wrap(DEE_CODE, 60, " \r\n> > ")
    );
    assert!(reply.contains(" \r\n> > "), "{reply}");
    let found = find_result_codes(&reply);
    assert_eq!(found, [DEE_CODE]);
    assert_eq!(
        decode_result(&found[0]).map(|r| r.name),
        Ok("Dee".to_string())
    );

    // Broken right after the format number.
    let split = format!(
        "DESKAID-RESULT-1.\n>{}",
        &DEE_CODE["DESKAID-RESULT-1.".len()..]
    );
    assert_eq!(find_result_codes(&split), [DEE_CODE]);
}

#[test]
fn a_cut_code_stays_damaged_and_the_next_line_is_not_glued_to_it() {
    let code = encode_result(&ann());
    let lines = wrap(&code, 72, "\n");
    let (cut, _last_line) = lines.rsplit_once('\n').unwrap();
    // No join unpacks, so the code is what its first line holds.
    let found = find_result_codes(&format!("{cut}\nThanks, Ann"));
    assert_eq!(found, [&code[..72]]);
    assert_eq!(decode_result(&found[0]), Err(ResultCodeError::Damaged));
    // A whole code keeps its end when a word starts the next line.
    assert_eq!(
        find_result_codes(&format!("{code}\nThanks")),
        [code.as_str()]
    );
    // One from a newer Deskaid is not joined: it is read only by its number.
    let newer = wrap(&code.replacen("-1.", "-2.", 1), 72, "\n");
    let found = find_result_codes(&newer);
    assert_eq!(found, [&newer[..72]]);
    assert_eq!(
        decode_result(&found[0]),
        Err(ResultCodeError::NewerFormat { version: 2 })
    );
}

#[test]
fn codes_on_consecutive_lines_stay_apart() {
    let (a, b) = (encode_result(&ann()), encode_result(&bob()));
    assert_eq!(
        find_result_codes(&format!("{a}\n{b}")),
        [a.as_str(), b.as_str()]
    );
    let mail = format!("{}\r\n{}", wrap(&a, 76, "\r\n"), wrap(&b, 76, "\r\n"));
    assert_eq!(find_result_codes(&mail), [a.as_str(), b.as_str()]);
    // A damaged code is not continued by the code on the next line, nor
    // by one glued to it.
    let damaged = "DESKAID-RESULT-1.notacode";
    assert_eq!(
        find_result_codes(&format!("{damaged}\n> {b}")),
        [damaged, b.as_str()]
    );
    assert_eq!(
        find_result_codes(&format!("{a}{b}")),
        [a.as_str(), b.as_str()]
    );
}

#[test]
fn rescoring_gives_partial_credit_on_every_kind() {
    let (bank, identity) = (small_bank(), small_identity());
    let scored = rescore(&ann(), &bank, &identity);
    let fractions: Vec<f64> = scored
        .per_question
        .iter()
        .map(|r| r.score.unwrap().fraction)
        .collect();
    let expected = [1.0, 0.5, 1.0, 1.0 / 3.0, 0.0, 1.0];
    assert!(
        fractions.iter().zip(expected).all(|(a, e)| close(*a, e)),
        "{fractions:?}"
    );
    assert!(
        close(scored.percent, 63.888_888_888_888_89),
        "{}",
        scored.percent
    );
    assert_eq!(scored.passed, Some(true));
    assert_eq!(scored.claim, Claim::Matches);
    assert_eq!(scored.time_taken, chrono::Duration::minutes(12));
    assert!(scored.warnings().is_empty());

    let bob = rescore(&bob(), &bank, &identity);
    assert!(close(bob.percent, 41.666_666_666_666_67));
    assert_eq!(bob.passed, Some(false));
    assert_eq!(bob.per_question[5].score, None);

    let cy = rescore(&cy(), &bank, &identity);
    let b2 = cy.per_question[4].score.unwrap();
    assert_eq!((b2.fraction, b2.verdict), (0.5, Verdict::Partial));
    assert!(close(cy.percent, 63.888_888_888_888_89));
}

#[test]
fn an_edited_score_is_caught() {
    let (bank, identity) = (small_bank(), small_identity());
    let mut edited = ann();
    edited.claimed_percent = 100.0;
    let edited = decode_result(&encode_result(&edited)).unwrap();
    let scored = rescore(&edited, &bank, &identity);
    assert!(close(scored.percent, 63.888_888_888_888_89));
    assert!(matches!(
        scored.claim,
        Claim::Differs { claimed, rescored } if claimed == 100.0 && close(rescored, 63.888_888_888_888_89)
    ));
    assert_eq!(
        words(&scored),
        ["the code claims 100% but its answers give 63.9%: the code was edited after the exam"]
    );
}

#[test]
fn questions_missing_from_the_bank_are_named() {
    let bank = small_bank();
    let mut result = ann();
    result.questions[1] = "gone-1".into();
    result.questions[4] = "gone-2".into();
    let scored = rescore(&result, &bank, &small_identity());
    assert_eq!(scored.missing, ["gone-1", "gone-2"]);
    // a1 1, a3 1, b1 ⅓, b3 1 of the 4 left: 83.333…%.
    assert!(
        close(scored.percent, 83.333_333_333_333_33),
        "{}",
        scored.percent
    );
    assert_eq!(scored.passed, None);
    assert_eq!(scored.claim, Claim::Unchecked);
    assert_eq!(
        words(&scored),
        ["2 questions are not in the bank in use (gone-1, gone-2), so the score covers only the rest and pass or fail cannot be told"]
    );
    let shipped = bank_identity(&shipped_bank(), SHIPPED_PACK);
    let other = rescore(&ann(), &bank, &shipped);
    assert!(other.other_bank);
    assert_eq!(
        words(&other),
        ["taken on another version of the question bank; scored against the one in use"]
    );
    assert_ne!(shipped.version, small_identity().version);
    // From another version, a score unlike the claim may be the bank's doing.
    let mut claimed_more = ann();
    claimed_more.claimed_percent = 70.0;
    assert_eq!(
        words(&rescore(&claimed_more, &bank, &shipped)),
        [
            "taken on another version of the question bank; scored against the one in use",
            "the code claims 70% but its answers give 63.9%: the bank changed since the exam, or the code was edited",
        ]
    );
}

#[test]
fn a_finished_exam_becomes_a_result_that_rescores_the_same() {
    let (bank, mut progress, mut session) = started(exam_spec(6));
    let right: Vec<String> = session.order()[..4].to_vec();
    for id in &right {
        let answer = right_answer(bank.question(id).unwrap());
        session
            .submit(&bank, &mut progress, answer, at(4, 9, 1))
            .unwrap();
        let _ = session.advance(at(4, 9, 1));
    }
    session.finish(&bank, &mut progress, at(4, 9, 7)).unwrap();
    let identity = small_identity();
    let result = SentResult::from_session(&session, &bank, identity.clone(), "  Dee ").unwrap();
    assert_eq!(result.name, "Dee");
    assert_eq!(result.questions, session.order());
    assert_eq!(result.answers.iter().filter(|a| a.is_none()).count(), 2);
    assert_eq!(result.seed, 7);
    assert_eq!(result.pass_percent, 80);
    // 4 of 6 right: 66.666…%.
    assert!(close(result.claimed_percent, 66.666_666_666_666_67));
    let scored = rescore(&result, &bank, &identity);
    assert_eq!(scored.claim, Claim::Matches);
    assert_eq!(scored.passed, Some(false));
    assert_eq!(scored.time_taken, chrono::Duration::minutes(7));

    let (bank, _, practice) = started(QuizSpec::default());
    assert_eq!(
        SentResult::from_session(&practice, &bank, identity, "Dee"),
        None
    );
}

#[test]
fn the_same_attempt_counts_once() {
    let mut class = class_of(vec![ann(), bob()]);
    let mut renamed = ann();
    renamed.name = "Ann B.".into();
    let mut edited = ann();
    edited.claimed_percent = 100.0;
    for copy in [ann(), renamed, edited] {
        assert_eq!(
            class.add(copy, at(5, 9, 0)),
            Added::AlreadyImported { name: "Ann".into() }
        );
    }
    assert_eq!(class.results.len(), 2);
    let mut later = ann();
    later.started_at = at(6, 9, 0);
    later.finished_at = at(6, 9, 10);
    assert_eq!(class.add(later, at(6, 10, 0)), Added::New);
    assert!(class.remove(&bob().attempt_id()));
    assert!(!class.remove(&bob().attempt_id()));
    let names: Vec<&str> = class
        .results
        .iter()
        .map(|r| r.result.name.as_str())
        .collect();
    assert_eq!(names, ["Ann", "Ann"]);
}

#[test]
fn results_are_grouped_by_quiz() {
    let mut other = cy();
    other.seed = 5;
    let class = class_of(vec![ann(), other, bob()]);
    let quizzes = class.quizzes();
    assert_eq!(quizzes.len(), 2);
    assert_eq!(
        quizzes[0].label,
        "6 questions, seed 48213, pass mark 60%, time limit 30 minutes"
    );
    assert_eq!(quizzes[0].results, 2);
    assert_eq!(quizzes[1].results, 1);
    let rows = class.rows(&small_bank(), &small_identity(), Some(&quizzes[1].id));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "Cy");
}

#[test]
fn the_table_sorts_by_every_column_and_keeps_ties_in_order() {
    let names = |rows: &[ClassRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    let mut rows = rows_of(vec![cy(), bob(), ann()]);
    sort_rows(&mut rows, SortColumn::Name, true);
    assert_eq!(names(&rows), ["Ann", "Bob", "Cy"]);
    sort_rows(&mut rows, SortColumn::Score, false);
    assert_eq!(names(&rows), ["Ann", "Cy", "Bob"]);
    sort_rows(&mut rows, SortColumn::Score, true);
    assert_eq!(names(&rows), ["Bob", "Ann", "Cy"]);
    sort_rows(&mut rows, SortColumn::TimeTaken, true);
    assert_eq!(names(&rows), ["Cy", "Ann", "Bob"]);
    sort_rows(&mut rows, SortColumn::Result, true);
    assert_eq!(names(&rows), ["Cy", "Ann", "Bob"]);
    sort_rows(&mut rows, SortColumn::Date, false);
    assert_eq!(names(&rows), ["Bob", "Ann", "Cy"]);
}

#[test]
fn the_class_misses_worst_first() {
    let misses = class_misses(&rows_of(vec![ann(), bob(), cy()]), &small_bank());
    let summary: Vec<(&str, usize, usize)> = misses
        .questions
        .iter()
        .map(|q| (q.question_id.as_str(), q.missed, q.asked))
        .collect();
    assert_eq!(
        summary,
        [
            ("a2", 2, 3),
            ("b1", 2, 3),
            ("b2", 2, 3),
            ("b3", 2, 3),
            ("a1", 1, 3),
            ("a3", 1, 3),
        ]
    );
    assert!(close(misses.questions[0].rate(), 66.666_666_666_666_67));
    let instead = |id: &str| {
        misses
            .questions
            .iter()
            .find(|q| q.question_id == id)
            .unwrap()
            .instead
            .clone()
    };
    let choice = |id: &str| WrongAnswer::Choice(id.into());
    assert_eq!(instead("a1"), [(choice("x"), 1)]);
    assert_eq!(instead("a2"), [(choice("r"), 1)]);
    assert_eq!(instead("a3"), [(WrongAnswer::Text("exclude it".into()), 1)]);
    assert_eq!(
        instead("b1"),
        [
            (
                WrongAnswer::Order(vec!["one".into(), "three".into(), "two".into()]),
                1
            ),
            (
                WrongAnswer::Order(vec!["two".into(), "one".into(), "three".into()]),
                1
            ),
        ]
    );
    assert_eq!(instead("b2"), [(choice("w"), 2)]);
    assert_eq!(instead("b3"), [(choice("y"), 1)]);
    let b3 = misses
        .questions
        .iter()
        .find(|q| q.question_id == "b3")
        .unwrap();
    assert_eq!(b3.unanswered, 1);
    // beta: 2 + 2 + 2 of 9 answers missed; alpha: 1 + 2 + 1 of 9.
    let topics: Vec<(&str, usize, usize)> = misses
        .topics
        .iter()
        .map(|t| (t.topic.as_str(), t.missed, t.answers))
        .collect();
    assert_eq!(topics, [("beta", 6, 9), ("alpha", 4, 9)]);
    assert!(close(misses.topics[1].rate(), 44.444_444_444_444_44));
}

#[test]
fn wrong_typed_answers_count_together_whatever_their_capitals() {
    let mut dee = bob();
    dee.name = "Dee".into();
    dee.started_at = at(4, 10, 0);
    dee.finished_at = at(4, 10, 5);
    dee.answers[2] = text("Exclude  IT.");
    let misses = class_misses(&rows_of(vec![bob(), dee]), &small_bank());
    let a3 = misses
        .questions
        .iter()
        .find(|q| q.question_id == "a3")
        .unwrap();
    assert_eq!(a3.instead, [(WrongAnswer::Text("exclude it".into()), 2)]);
}

#[test]
fn the_table_and_the_misses_export_as_csv() {
    let mut eve = cy();
    eve.name = "=cmd".into();
    eve.claimed_percent = 100.0;
    let rows = rows_of(vec![ann(), bob(), eve]);
    let csv = table_csv(&rows, |_| "Exam A".to_string());
    assert_eq!(
        csv,
        "Name,Quiz,Score (%),Pass mark (%),Result,Time taken,Started,Finished,Warnings\r\n\
         Ann,Exam A,63.9,60,Passed,0:12:00,2024-03-04T09:00:00-05:00,2024-03-04T09:12:00-05:00,\r\n\
         Bob,Exam A,41.7,60,Not passed,0:20:00,2024-03-04T09:00:00-05:00,2024-03-04T09:20:00-05:00,\r\n\
         '=cmd,Exam A,63.9,60,Passed,0:09:00,2024-03-04T09:00:00-05:00,2024-03-04T09:09:00-05:00,\
         the code claims 100% but its answers give 63.9%: the code was edited after the exam\r\n"
    );
    let bank = small_bank();
    let misses = class_misses(&rows_of(vec![ann(), bob(), cy()]), &bank);
    let csv = misses_csv(&misses, &bank);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[..4],
        [
            "Kind,Id,Topic,Question,Answers,Missed,Miss rate (%),Most often given instead",
            "Topic,beta,Beta,,9,6,66.7,",
            "Topic,alpha,Alpha,,9,4,44.4,",
            "Question,a2,Alpha,Pick p and q,3,2,66.7,R (1)",
        ]
    );
    assert_eq!(
        lines[4],
        "Question,b1,Beta,Order them,3,2,66.7,1 → 3 → 2 (1); 2 → 1 → 3 (1)"
    );
    assert_eq!(
        lines[8],
        "Question,a3,Alpha,If you touched it ...,3,1,33.3,exclude it (1)"
    );
    assert_eq!(lines.len(), 10);
}
