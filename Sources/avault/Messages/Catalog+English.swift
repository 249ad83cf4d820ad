// The English texts of the message catalog, each id written once.
//
// The texts are a Swift table, not resource files loaded with `Bundle.module`: avault starts for
// every command, and a table compiled into the binary costs little at start-up, whereas a
// bundle lookup loads Foundation's bundle machinery and parses a file on every run. The catalog
// tests check that this table has exactly the ids of the library's codes and the CLI's
// messages, and that both languages use the same placeholders `{1}`, `{2}`….

extension Catalog {
    /// The English texts by message id, with positional placeholders `{1}`, `{2}`….
    static let english: [String: String] = [
        "appraisal.unknown-code": "sub-criterion code {1} is not in the round's framework.",
        "appraisal.unassigned": "cell {1} / {2} is not assigned to you.",
        "appraisal.duplicate": "cell {1} / {2} already appears on line {3}.",
        "appraisal.negative": "score {1} is negative.",
        "appraisal.above-max": "score {1} is above the maximum {2}.",
        "appraisal.off-step": "score {1} is not a multiple of the step {2}.",
        "appraisal.missing-reason": "the appraised score {1} differs from the self score {2} but no reason is given.",
        "appraisal.missing-cell": "the assigned cell {1} / {2} is missing.",
        "submission.malformed": "{1}: the submission's content is malformed: {2}.",
        "manifest.bad-signature": "{1}: the secretary's signature on the manifest does not verify.",
        "worksheet.missing-score": "{1}:{2}:{3}: no appraised score entered for {4} / {5}.",
        "worksheet.long-reason": "{1}:{2}:{3}: the reason is longer than 4000 bytes.",
        "xlsx.encrypted":
            "{1} is a password-protected workbook, an old .xls file or a ZIP variant that is not supported; save it again as .xlsx (Excel Workbook) without a password.",
        "xlsx.damaged":
            "{1} cannot be read as an .xlsx file (damaged ZIP container, or not .xlsx); open it and save it again with Excel or LibreOffice.",
        "xlsx.too-large":
            "{1}: the .xlsx file decompresses beyond the limits (64 MiB, 1000 parts, 1,000,000 XML elements in a part); this is not a worksheet written by avault.",
        "xlsx.missing-part": "{1}: the .xlsx file has no {2}; save it again with Excel or LibreOffice.",
        "xlsx.bad-xml": "{1}: part {2} of the .xlsx file is not well-formed XML (line {3}).",
        "xlsx.bad-cell": "{1}: cell {2} has a value or type that cannot be read.",
        "xlsx.formula":
            "{1}!{2}: the cell holds a formula without a computed value; type the number itself, or recalculate and save.",
        "xlsx.error-value": "{1}!{2}: the cell holds the error value {3}; enter the value again.",
        "xlsx.changed-cell":
            "{1}!{2}: this cell may not be changed (the issued worksheet has \"{3}\", the file has \"{4}\"); fill only the appraised score and reason columns, or write the worksheet again.",
        "approval.bad-decision":
            "The decision reference must be one visible line of 1 to {1} bytes without control or bidirectional characters, e.g. \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".",
        "approval.bad-input": "Internal error: the {1} value given to the approval is invalid.",
        "approval.bad-signature": "{1}: the approval's signature does not verify; the file was altered.",
        "approval.not-a-holder": "{1}: the key in this approval (signed as {2}) is not a release holder of this round.",
        "approval.wrong-x": "{1}: the approval by {2} says x = {3}, but {2} is holder x = {4}.",
        "approval.wrong-round": "{1}: the approval by {2} is for another round.",
        "approval.wrong-manifest": "{1}: the approval by {2} is for another manifest (were the results merged again?).",
        "approval.wrong-results": "{1}: the approval by {2} is for other results.",
        "approval.decision-differs":
            "{1} ({2}) cites \"{3}\" but {4} ({5}) cites \"{6}\"; all approvals must cite the same decision.",
        "approval.counted-once": "The approval from {1} is counted once: {2} carries the same key as {3}.",
        "approval.not-enough": "Needs {1} approvals from distinct holders; have {2} ({3}); {4} more needed from: {5}.",
        "token.wrong-round": "{1}: the release token is for another round.",
        "token.wrong-manifest": "{1}: the release token is for another manifest.",
        "token.wrong-results": "{1}: the release token is for other results.",
        "token.decision-differs": "{1}: the approval by {2} cites \"{3}\", not the token's decision (\"{4}\").",
        "token.duplicate-key": "{1}: the release token holds two approvals with {2}'s key.",
        "results.wrong-round": "{1}: the locked results belong to another round.",
        "results.wrong-sender": "{1}: the locked results are signed by {2}, not by the round's secretary ({3}).",
        "results.wrong-recipient": "{1}: the results are not locked to this round's joint key.",
        "hint.approval-again": "Ask {1} to approve again with this round's files.",
        "hint.approval-same-decision":
            "Agree on the Committee's decision reference, then ask the holder who cited another one to approve again.",
        "hint.token-combine-again": "Combine the approvals again into a new token for this round's files.",
        "cli.error-prefix": "error",
        "cli.hint-prefix": "hint",
        "parse.unknown-command": "'{1}' is not a command of {2}.",
        "parse.unknown-option": "{2} has no option '{1}'.",
        "parse.did-you-mean": "did you mean '{1}'? (all of them: {2} --help)",
        "parse.see-help": "see {1} --help for the commands and options.",
        "parse.missing-argument": "Missing expected argument '{1}'.",
        "parse.missing-value": "Missing value for '{1}'.",
        "parse.invalid-value": "The value '{1}' is invalid for '{2}'.",
        "parse.invalid-choice": "The value '{1}' is invalid for '{2}'. Please provide one of {3}.",
        "parse.unexpected": "Unexpected argument '{1}'.",
        "parse.usage-label": "Usage:",
        "parse.help-label": "Help:",
        "parse.see-more": "See '{1}' for more information.",
        "cli.abstract": "An offline, encrypted vault for a PAR Index appraisal council.",
        "cli.discussion":
            "Members seal their appraisal files; the secretary merges them and locks the results; t of n release holders unlock them; auditors verify every signature without reading scores.",
        "passphrase.missing":
            "A passphrase is needed, but there is no terminal to ask on and no --passphrase-file was given.",
        "hint.passphrase-file": "Run the command in a terminal, or pass --passphrase-file FILE (mode 600).",
        "passphrase.mismatch": "The two passphrases do not match.",
        "passphrase.empty": "The passphrase is empty.",
        "passphrase.too-long": "{1}: the passphrase is longer than 1024 bytes.",
        "passphrase.prompt": "Passphrase for {1}: ",
        "passphrase.prompt-again": "Repeat the passphrase: ",
        "help.passphrase-file":
            "Read the passphrase from this file (one trailing newline is dropped) instead of asking on the terminal.",
        "keygen.abstract": "Create a new identity: a secret key file ID.key and a public file ID.pub.",
        "keygen.help-id": "The identity id (a–z, 0–9, '.', '_', '-'), also used as the file name.",
        "keygen.help-name": "The display name, e.g. \"Nguyễn Thị Lan\".",
        "keygen.help-role": "The role: member, secretary, holder (release holder) or unit (an appraised unit).",
        "keygen.help-out": "The folder to write both files to (default: the current folder).",
        "keygen.help-kdf":
            "Argon2id level: moderate (default, ~0.7 s), sensitive (~4 s) or interactive (fast; for tests and demo keys only).",
        "keygen.help-demo": "Mark the identity as a demo identity (real rounds refuse it).",
        "keygen.bad-kdf": "Unknown KDF level \"{1}\"; use moderate, sensitive or interactive.",
        "keygen.wrote": "Wrote {1} (secret, mode 600) and {2} (public).",
        "keygen.fingerprint": "Fingerprint: {1}  (read it to the secretary over the phone to confirm)",
        "key.abstract": "Inspect identity files.",
        "key.show-abstract":
            "Print the id, name, role and fingerprint of a .pub file after verifying its self-signature.",
        "key.show-help-file": "A public identity file (.pub) or a key file (.key).",
        "key.show-secret-note": "(secret key file; not unlocked, public part only)",
        "key.check-abstract": "Unlock a .key file with its passphrase to check it; nothing is written.",
        "key.check-help-file": "The secret key file (.key) to check.",
        "key.check-ok": "{1}: passphrase OK; id {2}, fingerprint {3}.",
        "label.id": "ID",
        "label.name": "Name",
        "label.role": "Role",
        "label.fingerprint": "Fingerprint",
        "label.created": "Created",
        "label.demo": "Demo",
        "word.yes": "yes",
        "word.no": "no",
        "role.member": "member",
        "role.secretary": "secretary",
        "role.holder": "release holder",
        "role.unit": "appraised unit",
        "envelope.bad-length":
            "{1}: the encrypted payload has an impossible length; the file was truncated or extended.",
        "envelope.bad-signature":
            "{1}: the outer signature does not verify; the file was altered or not signed by the sender it names.",
        "envelope.not-for-you": "{1}: the file is not encrypted to this key.",
        "envelope.commitment": "{1}: the file key does not match its signed commitment; the file was forged.",
        "envelope.corrupt": "{1}: the encrypted data is corrupted, truncated or reordered.",
        "envelope.inner-signature": "{1}: the inner signature over the content does not verify.",
        "envelope.changed-while-reading":
            "{1}: the file changed while it was being read: the bytes read to decrypt it are not the bytes whose signature was checked, so nothing was written. Make sure no other program is writing the file (or copy it to a local disk first) and try again.",
        "evidence.bad-name":
            "{1}: this file name cannot be used for evidence (1–255 bytes, no \"/\", \"\\\" or control or bidirectional characters, not \".\" or \"..\").",
        "evidence.duplicate-name": "{1}: another evidence file already has the name \"{2}\"; rename one of them.",
        "evidence.too-many": "Too many evidence files ({1}); at most {2}.",
        "evidence.no-submission":
            "{1}: {2} has no submission received yet; send the submission first (revision {3}), then its evidence.",
        "evidence.not-live": "{1}: the evidence belongs to {2} revision {3}, but the live submission is revision {4}.",
        "evidence.after-merge": "{1}: the round is merged; no evidence can be added any more.",
        "evidence.index-taken": "{1}: the round folder already holds a different file {2}; not replaced.",
        "evidence.stray-file": "{1}: unexpected file in the evidence folder (name not of the form MEMBER.rN.eK.ave).",
        "merge.missing-evidence": "{1}: missing evidence {4} (\"{5}\") listed by the submission of {2} (revision {3}).",
        "merge.evidence-mismatch": "{1}: evidence {4} of {2} (revision {3}) is not the file the submission lists.",
        "merge.unlisted-evidence": "{1}: evidence of {2} (revision {3}) is not listed by the submission.",
        "hint.unlisted-evidence": "Ask the member to seal a new revision with the right evidence attached.",
        "verify.evidence-name-ok": "evidence {3} of {1}, revision {2}",
        "verify.evidence-signed": "outer signature by {1} verifies (not decrypted)",
        "verify.evidence-bound": "bound to this round, for the secretary {4}: {1}, revision {2}, index {3}",
        "verify.manifest-evidence-ok": "evidence/ holds exactly the files the manifest lists ({1}), hashes matching",
        "verify.evidence-unbound": "{1}: the manifest lists evidence that belongs to no listed submission.",
        "verify.evidence-listed-missing":
            "{1}: listed in the manifest ({2}, revision {3}, index {4}) but not in evidence/; removed after the merge.",
        "verify.evidence-unlisted": "{1}: in evidence/ but not listed in the manifest; added after the merge.",
        "verify.evidence-name-mismatch":
            "{1}: the name does not match the sender, revision and index in the header ({2}); it was renamed or swapped.",
        "seal.help-attach": "Attach an evidence file (repeatable); each is sealed as ID.rN.eK.ave.",
        "seal.wrote-evidence": "Sealed evidence {1} (\"{2}\", {3}).",
        "receive.evidence-accepted": "accepted: {1} — evidence {4} of {2}, revision {3}",
        "evidence.abstract": "The secretary's evidence files.",
        "evidence.add-abstract": "Seal the secretary's own evidence into the round folder.",
        "evidence.help-files": "The evidence files.",
        "evidence.added": "Added {1} to the round folder.",
        "extract.abstract": "Decrypt and check the round's evidence files into a folder.",
        "extract.help-out": "The output folder (files go to DIR/MEMBER/rN/NAME; nothing is overwritten).",
        "extract.help-member": "Only this member's evidence.",
        "extract.wrote": "{1} ({2}, integrity checked)",
        "extract.summary": "Evidence files extracted into {2}: {1}.",
        "merge.evidence-count": "Evidence: {1} files, signatures and hashes checked (not decrypted).",
        "inbox.wrong-round": "{1}: this file belongs to another appraisal round.",
        "hint.inbox-wrong-round": "The member must seal again using this round's definition (round.avr).",
        "inbox.wrong-recipient": "{1}: the file is encrypted to someone other than this round's secretary.",
        "inbox.wrong-role": "{1}: the signer {2} is a {3} in this round, not an appraising member.",
        "inbox.not-member": "{1}: the signer \"{2}\" is not a member of this round.",
        "inbox.key-mismatch": "{1}: the file names {2} as sender but is signed with another key ({3}).",
        "inbox.stray-file": "{1}: unexpected file in the submissions folder (name not of the form MEMBER.rN.avs).",
        "inbox.two-live": "{1}: member {2} has two live submissions.",
        "inbox.duplicate": "{1}: this exact file was already received ({2}, revision {3}); not accepted again.",
        "inbox.stale": "{1}: {2} revision {3} is not newer than what was already received ({4}).",
        "hint.inbox-stale": "Every new seal must carry a higher revision; ask the member to seal again.",
        "inbox.round-merged":
            "{1}: the round is merged ({2}) and takes no more submissions or evidence; nothing was received.",
        "hint.round-merged":
            "A merge is final: the results are locked for the holders. If submissions must be taken again, the secretary starts a new round (avault round init) and the members seal for that round.",
        "csv.empty": "{1}: no header row (the file is empty).",
        "csv.ragged": "{1}:{2}: the row has {3} fields, but the header has {4}.",
        "csv.invalid-utf8": "{1}:{2}:{3}: not valid UTF-8 text; save the file as \"CSV UTF-8\".",
        "csv.stray-cr": "{1}:{2}:{3}: a lone carriage return (CR not followed by LF).",
        "csv.after-quote": "{1}:{2}:{3}: text after a closing quote; only a separator or a line end may follow it.",
        "csv.stray-quote":
            "{1}:{2}:{3}: a quote inside an unquoted field; enclose the whole field in \"…\" and write \"\" for each quote in it.",
        "csv.unterminated-quote": "{1}:{2}:{3}: a quoted field is never closed.",
        "csv.header": "{1}:{2}:{3}: column \"{4}\" is repeated or not expected here; the columns are: {5}.",
        "csv.missing-column": "{1}:{2}: column \"{3}\" is missing; the columns are: {4}.",
        "input.bad-number": "{1}:{2}:{3}: \"{4}\" is not a number of points.",
        "hint.number-format":
            "Write e.g. 7,5 or 7.5: at most 12 integer digits and 6 decimals, no thousands separators, no unit.",
        "framework.bad-code": "{1}:{2}:{3}: code \"{4}\" is invalid; use the form 1, 1.1 or 1.1.1.",
        "framework.duplicate-code": "{1}:{2}:{3}: code {4} appears twice (first at {5}).",
        "framework.orphan": "{1}:{2}:{3}: code {4} has no parent {5}.",
        "framework.misplaced": "{1}:{2}:{3}: code {4} is nested under {5}, which does not match its code.",
        "framework.bad-title":
            "{1}:{2}:{3}: the title of {4} is empty, too long or has a control or bidirectional character.",
        "framework.bad-method":
            "{1}:{2}:{3}: sub-criterion {4} has method \"{5}\"; it must be self, council or survey.",
        "framework.method-on-group":
            "{1}:{2}:{3}: {4} is a field or criterion and takes no method (found \"{5}\"); leave the cell empty.",
        "framework.bad-step": "{1}:{2}:{3}: the step of {4} is {5}; it must be greater than 0.",
        "framework.non-positive-max": "{1}:{2}:{3}: the maximum of {4} is {5}; it must be greater than 0.",
        "framework.off-step": "{1}:{2}:{3}: the maximum {5} of {4} is not a multiple of its step {6}.",
        "framework.childless": "{1}:{2}:{3}: {4} has no items under it.",
        "framework.sum-mismatch": "{1}:{2}:{3}: the items under {4} add up to {5}, but the maximum of {4} is {6}.",
        "framework.duplicate-set":
            "--framework {1}: the criteria set “{1}” is given twice; give each set once, with its own id (--framework ID=FILE).",
        "framework.unknown-set": "--set-groups {1}: there is no criteria set “{2}”; the sets given are: {3}.",
        "framework.set-unknown-group": "--set-groups {1}: the units file has no group “{2}”.",
        "framework.group-twice":
            "The group “{1}” is given to two criteria sets ({2} and {3}); each group is appraised on one set.",
        "framework.group-uncovered": "The group “{1}” belongs to no criteria set; add --set-groups SET={1}.",
        "framework.set-no-groups":
            "The criteria set “{1}” covers no group; with several sets, give --set-groups {1}=GROUP for each set.",
        "members.unqualified-code":
            "{1}:{2}:{3}: the code “{4}” names no criteria set; this round has several, write SET:CODE (for example {5}:{4}).",
        "framework.empty": "{1}: the framework has no fields.",
        "framework.total-mismatch": "{1}:{2}:{3}: the fields add up to {4}, but the declared total is {5}.",
        "framework.json": "{1}: invalid JSON at {2}: {3}.",
        "framework.too-long": "{1}: the framework's {2} is longer than {3} bytes (UTF-8): shorten it.",
        "units.bad-id": "{1}:{2}:{3}: id \"{4}\" is invalid: use 1–64 characters a–z, 0–9, '.', '_', '-'.",
        "units.duplicate-group": "{1}:{2}:{3}: group {4} is declared twice.",
        "units.bad-name":
            "{1}:{2}:{3}: the name is empty, longer than 200 bytes or has a control or bidirectional character.",
        "units.duplicate": "{1}:{2}:{3}: unit {4} appears twice (first on line {5}).",
        "units.unknown-group": "{1}:{2}:{3}: unknown group \"{4}\".",
        "hint.groups-file": "Built-in groups: so-nganh, huyen. Other groups need a --groups file with columns id,name.",
        "units.none": "{1}: no units.",
        "self.unknown-unit": "{1}:{2}:{3}: unit \"{4}\" is not in the unit list.",
        "self.unknown-code": "{1}:{2}:{3}: \"{4}\" is not a sub-criterion code of the framework.",
        "self.not-self": "{1}:{2}:{3}: sub-criterion {4} is scored by method {5}; units do not self-assess it.",
        "self.duplicate": "{1}:{2}:{3}: cell {4} appears twice (first on line {5}).",
        "self.out-of-range": "{1}:{2}:{3}: self score {4} for {5} is outside 0–{6}.",
        "self.off-step": "{1}:{2}:{3}: self score {4} for {5} is not a multiple of the step {6}.",
        "self.bad-note": "{1}:{2}:{3}: the note is longer than 2000 bytes or has a control or bidirectional character.",
        "self.missing": "{1}: {2} self-assessment cells (unit/code) are missing: {3}.",
        "members.bad-id": "{1}:{2}:{3}: member id \"{4}\" is invalid.",
        "members.duplicate": "{1}:{2}:{3}: member {4} appears twice (first on line {5}).",
        "members.key-unusable": "{1}:{2}:{3}: cannot use the public key file {4} (see the next error).",
        "members.id-mismatch": "{1}:{2}:{3}: {4} belongs to \"{5}\", not \"{6}\".",
        "members.wrong-role": "{1}:{2}:{3}: {4} has role {5}; council members need an identity with role member.",
        "members.duplicate-key": "{1}:{2}:{3}: {4} is the same identity as on line {5}.",
        "members.no-codes": "{1}:{2}:{3}: member {4} is assigned no codes.",
        "members.duplicate-code":
            "{1}:{2}:{3}: member {4} lists the code “{5}” twice (also as “{6}”, the same code); list each code once.",
        "members.unknown-code": "{1}:{2}:{3}: code \"{4}\" is not in the framework.",
        "members.survey-code": "{1}:{2}:{3}: code {4} covers only survey sub-criteria, which are not appraised.",
        "members.unknown-unit": "{1}:{2}:{3}: \"{4}\" is neither a unit id nor a group id.",
        "merge.help-preliminary":
            "The preliminary merge (spec §12.3): instead of locking the results, write each unit with a key its own notice, sealed to that unit only.",
        "merge.help-answer-by":
            "With --preliminary: the answer deadline, YYYY-MM-DD (end of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ.",
        "merge.answer-by-without-preliminary":
            "--answer-by belongs to the preliminary merge; add --preliminary, or leave it out for the final merge.",
        "merge.needs-answer-by": "The preliminary merge needs the answer deadline: --answer-by YYYY-MM-DD.",
        "merge.bad-answer-by": "--answer-by {1}: not a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SSZ.",
        "merge.preliminary-done-summary":
            "Preliminary merge of {3} submissions: {1} notices written to {2}, one per unit with a key, each sealed to that unit only. No score was printed.",
        "merge.preliminary-next":
            "Hand each unit only its own file notices/UNIT.avn; explanations are due by {1}. Round-1 submissions are now closed.",
        "notice.abstract": "A unit's notice of its preliminary result.",
        "notice.open-abstract":
            "Open your unit's notice with your unit key: show it, and export it as HTML or as an answer sheet.",
        "notice.help-file": "The notice file notices/UNIT.avn.",
        "notice.help-round":
            "The round folder, when you have it: also checks that the notice is this round's, from its secretary, to your key.",
        "notice.help-secretary":
            "The secretary's public file (.pub) the council gave you: checks that the notice was signed by that secretary, without the round folder.",
        "notice.help-html": "Write a printable page (HTML) to this file (never overwritten).",
        "notice.help-sheet": "Write the answer sheet to this file, .csv or .xlsx (never overwritten).",
        "notice.sheet-format":
            "{1}: the answer sheet is written as CSV or XLSX; give a file name ending in .csv or .xlsx.",
        "notice.wrote-html": "Wrote {1} (keep it private: it holds your unit's preliminary result).",
        "notice.wrote-sheet":
            "Wrote the answer sheet {1} ({2} cells): fill y_kien, giai_trinh and minh_chung for the cells you contest.",
        "notice.header": "Notice of the preliminary appraisal result for {1} ({2}) — {3}, year {4}.",
        "notice.sender": "Signed by the secretary {1}, fingerprint {2}; round {3}.",
        "notice.check-by-phone":
            "Check the secretary's fingerprint with the secretary by phone before you rely on this notice.",
        "notice.deadline": "Explanations are due by {1}. Cells where the appraised score differs from your self score:",
        "notice.totals": "Totals: self {1}, appraised {2}, of {3} ({4} cells, {5} you may contest).",
        "notice.extras": "Bonus {1}, penalty {2}: preliminary final total {3}.",
        "notice.wrong-round": "{1}: this notice is for another round.",
        "notice.not-secretary": "{1}: signed by {2}, who is not this round's secretary; do not use it.",
        "notice.wrong-recipient": "{1}: not sealed to the key the round lists for unit {2}.",
        "notice.malformed": "{1}: the notice's contents are damaged ({2}); ask the secretary for a new copy.",
        "notice.content-mismatch":
            "{1}: the notice's contents do not match its envelope (unit, round or secretary); ask the secretary for a new copy.",
        "notice.not-a-unit":
            "{1}: a key of role {2}; a notice opens only with the unit's own key (keygen --role unit).",
        "explain.abstract":
            "Answer your unit's notice: check the filled answer sheet, sign it with your unit key and seal it to the secretary.",
        "explain.help-sheet":
            "The answer sheet notice open --sheet wrote, filled in (y_kien, giai_trinh).",
        "explain.help-round":
            "The round folder: the notice is taken from notices/UNIT.avn and your key is checked against the round.",
        "explain.help-notice":
            "The notice file you answer (notices/UNIT.avn), when you do not have the round folder.",
        "explain.help-out":
            "The explanation file to write (default UNIT.rN.avx; never overwritten).",
        "explain.help-revision":
            "The revision: 1 for the first explanation; a later one with a higher number replaces it.",
        "explain.help-attach":
            "An evidence document for your explanation (repeat for more); cite its file name in minh_chung (names separated by ;).",
        "explain.wrote-evidence":
            "Wrote {1} (evidence, sealed to the secretary; hand it in with the explanation).",
        "explain.needs-notice":
            "give --round ROUND or --notice NOTICE.avn: the notice the sheet answers.",
        "explain.sheet-rejected":
            "{1}: {2} problems in the answer sheet; nothing was written.",
        "explain.wrote":
            "Wrote {1}: {2} contested cells answered, {3} disagreed with, sealed to the secretary {4}. Hand it in by {5}.",
        "receive.explanation":
            "accepted: {1} — explanation of unit {2}, revision {3}",
        "receive.explanation-late":
            "accepted, LATE: {1} — explanation of unit {2}, revision {3}, after the answer deadline; marked late in the journal, the council decides",
        "second.not-a-member":
            "{1}: the key of {2} (role {3}) is not the key of an appraising member of this round; a second-round revision is signed only by the member the cells were forwarded to.",
        "second.forwarded-other-member":
            "{1}: this forwarded explanation is for member {2}, not for {3}; use only the files the secretary forwarded to you.",
        "second.forwarded-twice":
            "{1}: cell {2} is also in another forwarded file given; give each forwarded file once (the latest the secretary sent).",
        "second.not-explained":
            "{1}:{2}:{3}: cell {4} was not explained to you (it is in no forwarded file given); a second-round change needs an explanation, or --unexplained {4} for a recorded exception the secretary must accept.",
        "second.missing-row":
            "{1}: the forwarded cell {2} has no row; answer every explained cell (keep or change, with a reason).",
        "second.duplicate-row":
            "{1}:{2}:{3}: cell {4} appears twice.",
        "second.changed-cell":
            "{1}:{2}:{3}: column {4} was changed; it must stay as forwarded: “{5}”.",
        "second.bad-decision":
            "{1}:{2}:{3}: “{4}” is not a decision; write giữ (keep) or sửa (change).",
        "second.keep-changes-score":
            "{1}:{2}:{3}: cell {4}: keeping the score but diem_tham_dinh is {5}, not the round-1 score {6}; write sửa to change it, or clear diem_tham_dinh.",
        "second.change-keeps-score":
            "{1}:{2}:{3}: cell {4}: changing but the new score {5} is the round-1 score; write giữ to keep it.",
        "second.missing-score":
            "{1}:{2}:{3}: cell {4}: changing, but no new score in diem_tham_dinh.",
        "second.bad-score":
            "{1}:{2}:{3}: cell {4}: score {5} is not valid for this cell (0 to {6}, a multiple of {7}).",
        "second.unexplained-keep":
            "{1}:{2}:{3}: cell {4} was named with --unexplained but the row keeps the score; an exception row is only for a change (write sửa and the new score).",
        "second.missing-reason":
            "{1}:{2}:{3}: cell {4}: no reason in ly_do; every second-round decision answers the explanation with a reason.",
        "second.long-reason":
            "{1}:{2}:{3}: the reason is longer than {4} bytes.",
        "second.bad-unexplained":
            "--unexplained {1}: not a cell UNIT/CODE assigned to member {2}.",
        "second.malformed":
            "{1}: the second-round revision's contents are not valid ({2}).",
        "second.content-mismatch":
            "{1}: the second-round revision's contents do not match its envelope (member, round or revision).",
        "inbox.second-before-forward":
            "{1}: a second-round revision, but no explanation has been forwarded yet (avault explanations forward); it is received in the phase second-appraisal only.",
        "verify.second-ok":
            "second/ holds the {1} second-round revisions the journal records, from {2} members, each signed by its member's round key and sealed to the secretary.",
        "verify.second-not-yet":
            "no second-round revision received yet.",
        "verify.second-stray-file":
            "{1}: not a second-round revision the journal records (name MEMBER.rN.av2, as its header says).",
        "verify.second-hash":
            "{1}: differs from the file the journal records as received.",
        "verify.second-missing":
            "the second-round revision of member {1}, revision {2}, is recorded in the journal but missing from second/.",
        "receive.second":
            "accepted: {1} — second-round revision of member {2}, revision {3}",
        "receive.second-superseding":
            "accepted: {1} — second-round revision of member {2}, revision {3}, replacing revision {4}",
        "worksheet.help-second":
            "Write the second-round sheet: only the explained cells forwarded to you (with --forwarded and --key, without --member).",
        "worksheet.help-forwarded":
            "With --second: your forwarded explanation files (MEMBER.UNIT.rN.avf; several may follow).",
        "worksheet.help-key":
            "With --second: your member key, which opens the forwarded files.",
        "worksheet.second-usage":
            "--second needs --forwarded FILE… and --key MEMBER.key, and takes no --member.",
        "worksheet.first-usage":
            "--member is required (or --second with --forwarded and --key for the second-round sheet).",
        "worksheet.second-wrote":
            "Wrote {1} for {3}: {2} explained cells from {4} forwarded files. Fill quyet_dinh (giữ/sửa), diem_tham_dinh when changing, and ly_do for every row.",
        "seal.help-second":
            "Seal a second-round sheet (written by worksheet --second) as MEMBER.rN.av2; needs --forwarded.",
        "seal.help-forwarded":
            "With --second: the forwarded explanation files the sheet answers (several may follow).",
        "seal.help-unexplained":
            "With --second: a cell UNIT/CODE changed though nobody explained it (repeatable); a recorded exception the secretary must accept at the final merge.",
        "seal.second-usage":
            "--second needs --forwarded and takes no --attach or --remove-plaintext; --forwarded and --unexplained go only with --second.",
        "seal.second-rejected":
            "{1}: the second-round sheet has {2} problems; nothing was sealed.",
        "seal.second-wrote":
            "Sealed {1} (second round, revision {2}: {3} cells, {4} changed) for the secretary {5}.",
        "explanation.not-a-unit":
            "{1}: a key of role {2}; an explanation is signed only with a unit's key (keygen --role unit).",
        "explanation.not-round-key":
            "{1}: this key is not the one the round lists for unit {2}.",
        "explanation.no-notice":
            "{1}: no notice for unit {2} (was the preliminary merge made, and does the unit have a key?).",
        "explanation.unknown-cell":
            "{1}:{2}:{3}: unit {4}, cell {5} is not a cell of your notice; a unit answers only its own cells.",
        "explanation.missing-cell":
            "{1}: the row of cell {2} of the notice is missing.",
        "explanation.duplicate-cell":
            "{1}:{2}:{3}: cell {4} is listed twice.",
        "explanation.changed-cell":
            "{1}:{2}:{3}: column {4} was changed; only y_kien, giai_trinh and minh_chung are filled in (the notice holds “{5}”).",
        "explanation.not-contested":
            "{1}:{2}:{3}: cell {4}: the appraised score equals your self score; there is nothing to disagree with.",
        "explanation.missing-text":
            "{1}:{2}:{3}: cell {4}: you disagree, so giai_trinh must say why.",
        "explanation.text-without-dispute":
            "{1}:{2}:{3}: cell {4}: an explanation while agreeing; write “không đồng ý” in y_kien, or clear giai_trinh.",
        "explanation.bad-answer":
            "{1}:{2}:{3}: “{4}” is not an answer; write “đồng ý” (agree) or “không đồng ý” (disagree), or leave it empty (agree).",
        "explanation.long-text":
            "{1}:{2}:{3}: the explanation is longer than {4} bytes.",
        "explanation.unknown-evidence":
            "{1}:{2}:{3}: “{4}” is not one of the files given with --attach; name each document of minh_chung (separated by ;) and attach it.",
        "explanation.evidence-without-dispute":
            "{1}:{2}:{3}: cell {4}: evidence while agreeing; evidence supports a disagreement only.",
        "inbox.evidence-without-explanation":
            "{1}: evidence of unit {2}, revision {3}, but that explanation was not received; receive the explanation (.avx) with it.",
        "explanation.malformed":
            "{1}: the explanation's contents are not valid ({2}).",
        "explanation.content-mismatch":
            "{1}: the explanation's contents do not match its envelope (unit, round, revision or notice).",
        "inbox.explanation-wrong-role":
            "{1}: the explanation is signed by {2}, a {3} of this round, not by a unit.",
        "inbox.not-a-unit":
            "{1}: the signer “{2}” is not a unit with a key in this round.",
        "inbox.unit-key-mismatch":
            "{1}: signed with a key other than the one the round lists for unit {2}.",
        "inbox.no-notice":
            "{1}: no notice was issued to unit {2}; there is nothing to explain yet.",
        "inbox.wrong-notice":
            "{1}: unit {2} answers a notice other than the one issued to it.",
        "explanations.abstract": "Forward the units' explanations to the members, and read them (explanation round).",
        "forward.abstract":
            "Forward each unit's explanation to the members assigned the cells it disputes, sealed to each member (secretary).",
        "forward.show-abstract": "Read an explanation forwarded to you, and extract its evidence (member).",
        "forward.help-file": "The forwarded explanation forwarded/MEMBER.UNIT.rN.avf.",
        "forward.help-round":
            "The round folder, if you have it: also check the file is of this round, sent by its secretary, to your key.",
        "forward.help-evidence-out":
            "Write the evidence documents it cites into this folder (never overwriting; keep them private).",
        "forward.nothing":
            "Nothing new to forward: {1} explanation(s) checked, {2} agreeing with every cell; every other one was forwarded before.",
        "forward.done": "Forwarded {1} file(s) to {2} member(s), {3} cell(s) in all, into {4}.",
        "forward.evidence": "Evidence copies re-sealed to the members: {1}.",
        "forward.agreed": "Units that agreed with every cell (nothing to forward): {1}",
        "forward.header": "Explanation of unit {1} forwarded to {2}: {3} cell(s) to appraise again; sent by {4}.",
        "forward.text": "      explanation: {1}",
        "forward.attachment": "      evidence: {1} ({2} bytes)",
        "forward.wrote-evidence": "Wrote {1} evidence document(s) into {2} (keep them private).",
        "forward.wrong-round": "{1}: this forwarded explanation is for another round.",
        "forward.not-secretary": "{1}: signed by {2}, who is not this round's secretary; do not use it.",
        "forward.wrong-recipient": "{1}: not sealed to the key the round lists for member {2}.",
        "forward.wrong-unit": "{1}: unit {2} is not a unit with a key in this round.",
        "forward.malformed":
            "{1}: the forwarded explanation's contents are not valid ({2}); ask the secretary for a new copy.",
        "forward.content-mismatch":
            "{1}: the forwarded explanation's contents do not match its envelope (member, unit or round).",
        "forward.not-a-member":
            "{1}: a key of role {2}; a forwarded explanation is opened only with the key of the member it was sent to.",
        "forward.other-member":
            "{1}: this forwarded explanation is for member {2}, not for {3}; each member opens only their own.",
        "forward.no-preliminary":
            "{1}: the preliminary merge was not made; there are no notices, hence no explanations to forward.",
        "forward.after-merge": "{1}: the round is merged; explanations are no longer forwarded.",
        "forward.preliminary-changed":
            "{1}: the live round-1 submissions are not the ones the preliminary entry lists; the notices no longer describe them.",
        "forward.answers-mismatch":
            "{1}: the explanation of unit {2} does not answer exactly the contested cells of its notice; it is not forwarded.",
        "forward.evidence-missing":
            "{1}: evidence {3} that unit {2} cites is not in explanations/; receive it before forwarding.",
        "forward.evidence-mismatch":
            "{1}: evidence {3} of unit {2} is not the file its explanation lists (file hash); it is not forwarded.",
        "notice.other-unit": "{1}: this notice is for unit {2}, not for {3}; each unit opens only its own.",
        "merge.no-unit-keys":
            "{1}: the round lists no unit keys, so it has no explanation phase; run the final merge without --preliminary.",
        "merge.preliminary-done": "{1}: the preliminary merge was already made; the notices were issued once.",
        "inbox.after-preliminary": "{1}: the notices were issued ({2}); round-1 submissions are closed.",
        "merge.bad-deadline": "{1}: not a deadline of the form YYYY-MM-DDTHH:MM:SSZ.",
        "members.none": "{1}: no members.",
        "unitkeys.unknown-unit": "{1}:{2}:{3}: \"{4}\" is not a unit of the units file; list only units of this round.",
        "unitkeys.duplicate": "{1}:{2}:{3}: unit {4} is listed twice (first on line {5}); give each unit one key.",
        "unitkeys.key-unusable": "{1}:{2}:{3}: cannot use the public key file {4} (see the next error).",
        "unitkeys.id-mismatch":
            "{1}:{2}:{3}: {4} belongs to \"{5}\", not to unit \"{6}\"; make the unit's key with keygen --role unit --id {6}.",
        "unitkeys.wrong-role": "{1}:{2}:{3}: {4} has role {5}; a unit needs an identity made with keygen --role unit.",
        "assign.overlap": "{1}: {2} cells are assigned to more than one member: {3}.",
        "assign.own-unit":
            "{1}: member {2} is assigned {3} cells of their own unit (recusal): {4}; assign these cells to another member.",
        "assign.gap": "{1}: {2} appraisable cells (unit/code) are assigned to nobody: {3}.",
        "labels.unknown-group": "{1}:{2}:{3}: group \"{4}\" has no units (use * for every group).",
        "labels.bad-label": "{1}:{2}:{3}: the rank label is empty or invalid.",
        "labels.bad-percent": "{1}:{2}:{3}: threshold \"{4}\" must be a number from 0 to 100.",
        "labels.duplicate": "{1}:{2}:{3}: label {4} or its threshold is repeated in group {5}.",
        "labels.no-floor": "{1}: group {2} has no label with threshold 0 (the label for everything below).",
        "journal.bad-signature":
            "{1}: the secretary's signature on the journal does not verify; the journal was altered.",
        "journal.broken-chain":
            "{1}: the journal's hash chain breaks at entry {2}; an entry was removed, inserted or edited.",
        "journal.wrong-round": "{1}: this journal belongs to another appraisal round.",
        "journal.rolled-back":
            "{1}: this journal ({2} entries, head {3}…) does not extend the one this machine recorded for the round ({4} entries, head {5}…, in {6}): an older copy of the round folder was put back, or the journal was replaced. Nothing was changed.",
        "journal.pin-malformed":
            "{1}: this machine's pin file is damaged ({2}); see the round with `avault pin --round ROUND`, then pin it again with --accept.",
        "journal.pin-accept-mismatch":
            "--accept {1} is not the head of {2}, which is {3}; copy the head exactly as avault printed it.",
        "journal.pin-no-state":
            "There is no folder for journal pins: set HOME or XDG_STATE_HOME.",
        "receipt.bad-signature":
            "{1}: the receipt is not signed by this round's secretary; it was altered, or it is not from this round.",
        "receipt.wrong-round":
            "{1}: this receipt is for another appraisal round.",
        "receipt.not-in-journal":
            "{1}: the journal does not hold this receipt's entry {4} (head {5}…) for {2} revision {3}: it was rolled back or rewritten after the file was received.",
        "checkpoint.bad-signature":
            "{1}: the checkpoint's signature does not verify; the file was altered.",
        "checkpoint.not-a-holder":
            "{1}: the key in this checkpoint (signed as {2}) is not a release holder of this round.",
        "checkpoint.wrong-round":
            "{1}: this checkpoint is for another appraisal round.",
        "checkpoint.not-extended":
            "{1}: {2} checkpointed the journal at {3} entries (head {4}…), but this journal ({5} entries) does not extend it: an older copy was put back, or the history was rewritten.",
        "verify.pin-ok":
            "The journal extends this machine's pin ({1} entries, head {2}…).",
        "verify.pin-none":
            "This machine has not pinned this round.",
        "verify.receipts-ok":
            "{1} receipts: signed by the secretary, and the journal holds each one's entry.",
        "verify.receipts-none":
            "No receipts to check.",
        "verify.checkpoints-ok":
            "{1} checkpoints by release holders; the journal extends each.",
        "verify.checkpoints-none":
            "No checkpoints yet.",
        "hint.pin-accept":
            "Restore the newest copy of the round folder (a backup; the members' receipts show what is missing). Only if this journal is the one to keep: avault pin --round {1} --accept {2}",
        "pin.abstract":
            "Show this machine's pin of a round's journal, or pin again on purpose (--accept).",
        "pin.help-accept":
            "Pin the journal now in the folder; give its head in full, as avault printed it.",
        "pin.journal":
            "Journal: {1} entries, head {2}",
        "pin.pinned":
            "Pinned on this machine: {1} entries, head {2} ({3})",
        "pin.none":
            "Not pinned on this machine ({1}).",
        "pin.accepted":
            "Pinned: commands on this machine now accept this journal and what extends it, nothing older.",
        "pin.not-extended":
            "The journal does not extend the pin, so commands on this machine refuse it. Restore the newest copy; or, to keep this journal: avault pin --round {1} --accept {2}",
        "receipt.abstract":
            "Check the receipts of received files (for members).",
        "receipt.check-abstract":
            "Check a receipt: the secretary's signature, the round and, given the round folder, that its journal still holds it.",
        "receipt.help-file":
            "The receipt file (.avc).",
        "receipt.good":
            "{1}: a good receipt from the round's secretary: {2}, journal entry {3} (head {4}), received {5}.",
        "receipt.in-journal":
            "The journal in {1} holds this entry.",
        "receipt.journal-not-checked":
            "No journal in {1}: only the signature and the round were checked; give the round folder to check the journal too.",
        "checkpoint.abstract":
            "A release holder signs the journal's current head (checkpoints/), so an older copy cannot be put back unnoticed.",
        "checkpoint.written":
            "Wrote {1}: {2} checkpointed the journal at {3} entries, head {4}.",
        "verify.help-receipts":
            "A folder of receipts (.avc) to check against the journal, e.g. a member's stick.",
        "verify.summary-unanchored":
            "NOT ANCHORED: {1} checks passed, {2} not yet applicable, but nothing ties this folder to the round you mean; a forged folder consistent with itself passes too. Give --fingerprint (the secretary reads it to you), or verify on a machine that pinned the round.",
        "receive.help-receipts-out":
            "Also write each receipt into this folder (e.g. the member's stick).",
        "receive.receipt":
            "receipt: {1}",
        "exit.unanchored":
            "every check passed, but the round is not anchored (verify)",
        "release.holder-count": "{1} release holders given; there must be between 1 and 255.",
        "release.threshold-range":
            "Release threshold {1} is out of range: it must be between 1 and the number of holders ({2}).",
        "release.holder-role": "{1} has role {2}, not holder; only release holders take part in the key ceremony.",
        "release.duplicate-holder-id": "The release holder id {1} appears twice.",
        "release.duplicate-signing-key":
            "{1} and {2} have the same signing key; each release holder needs their own keys.",
        "release.duplicate-encryption-key":
            "{1} and {2} have the same encryption key; each release holder needs their own keys.",
        "release.not-a-holder": "{1} is not a release holder of this round.",
        "hint.release-more-holders": "Ask {1} more release holders to approve.",
        "hint.release-check-round": "Check the round definition's fingerprint with the secretary before using it.",
        "release.not-merged": "{1}: the round has not been merged yet (no manifest.avm).",
        "release.results-mismatch": "{1}: not the results file listed in the manifest {2}.",
        "release.abstract": "Approve the release and combine approvals into a release token.",
        "approve.abstract":
            "A release holder approves the release, citing the Committee's decision (the approval decrypts these results partially: give it only to whoever combines).",
        "approve.help-decision": "The decision reference, e.g. \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".",
        "approve.help-out": "The approval file (default: ID.ava). - means standard output.",
        "approve.wrote": "Wrote {2}'s approval {1} (mode 600).",
        "approve.not-holder": "{1} is not a release holder of this round.",
        "combine.abstract": "Combine at least t approvals from distinct holders into the release token.",
        "combine.help-approvals": "The approval files (.ava).",
        "combine.help-out": "The token file (default: ROUND/release-token.avt). - means standard output.",
        "combine.wrote": "Wrote the release token {1} (mode 600; whoever holds it can open the results).",
        "combine.holders": "Approvals counted: {1} (needed {2}).",
        "open.abstract": "Verify the release token and the locked results, then decrypt the results.",
        "open.help-token": "The release token (default: ROUND/release-token.avt).",
        "open.help-out": "Write the decrypted results (JSON) to this file. - means standard output.",
        "progress.line": "{1}: {2} % · {3} / {4} · {5}/s · {6} left",
        "help.quiet": "Show no progress line (it is shown on standard error only when that is a terminal).",
        "help.json": "Print one JSON object instead of text (its shape: docs/cli.md).",
        "receive.missing-evidence":
            "{1} lists the evidence file {2} ({3}), which was not given and is not in the round yet; receive it too (avault receive {4} …): the merge refuses the round until it is there.",
        "output.standard-output": "standard output",
        "output.terminal-binary": "-o - would write a binary file to the terminal; refusing.",
        "output.terminal-hint":
            "redirect standard output to a file or a pipe (… -o - > FILE), or give a file name with -o.",
        "output.terminal-decrypted":
            "-o - would show the decrypted results on the terminal; refusing (anyone looking at the screen would see them, and they stay in its scroll-back).",
        "output.terminal-decrypted-hint":
            "redirect standard output to a file or a pipe (… -o - > FILE), or add --to-terminal to show them on screen anyway.",
        "output.folder-not-stdout":
            "-o - means standard output, which is for one file; this command writes a folder: give a folder name.",
        "output.help-to-terminal": "With -o -, show the decrypted data even when standard output is a terminal.",
        "open.wrote": "Opened the results of {1} units; wrote {2}.",
        "report.abstract": "Render the released results as the official report (HTML or PDF), CSV or JSON.",
        "report.help-format":
            "The format: html (printable official document), pdf (needs Chromium), xlsx (the annexes as a workbook), csv or json.",
        "report.pdf-no-chromium": "No Chromium found on PATH (looked for {1}); it prints the PDF.",
        "report.pdf-failed": "{1} could not print the report to PDF ({2}).",
        "hint.install-chromium":
            "Install the Debian package {1} with the system's package manager, or write --format html and print it from a browser.",
        "report.help-out": "The report file. - means standard output.",
        "report.wrote": "Wrote the report {1}.",
        "demo.abstract": "Run a whole demo appraisal round on the built-in sample with the demo keys.",
        "demo.help-dir": "The folder for the demo round (default: demo-round; must not exist or be empty).",
        "demo.help-samples":
            "The sample data folder (default: the copy built into avault, so the demo runs from any folder).",
        "demo.help-keys": "The demo keys folder (default: the copy built into avault).",
        "demo.step": "== {1}. {2}",
        "demo.notices": "{1} notices written, each sealed to its unit only; {2} units without a key get none.",
        "demo.explained":
            "{1}: {2} contested cells in its notice, {3} disputed with an explanation, {4} documents attached.",
        "demo.forwarded":
            "{1} forwarded files to {2} members, {3} disputed cells (each member sees only their own cells).",
        "demo.second": "{1}: {2} explained cells appraised again, {3} changed.",
        "demo.history":
            "History of the explanation round (annex of the report): {1} cells, {2} changed after the explanation.",
        "demo.filled": "{1}: {2} cells, {3} adjusted with a reason.",
        "demo.approved": "{1} approves citing \"{2}\".",
        "demo.ranking": "Ranking of {1} (criteria set {2}, {3} units):",
        "demo.rank": "  {1}. {2}: {3}/{4} points, index {5} %, {6}",
        "demo.rank-extras": "  {1}. {2}: {3}/{4} points (base {7} + bonus {8} − penalty {9}), index {5} %, {6}",
        "demo.done": "Done. HTML report: {1}",
        "demo.verified":
            "{1}/{2} checks passed (signatures, bindings, journal, manifest, approvals, token, consistency).",
        "demo.verify-failed": "The demo round failed verification: {1}",
        "demo.not-demo-key": "{1}: not a demo key; the demo only uses the published demo keys.",
        "round.bad-title": "The round title (--title) is empty, too long or has a control or bidirectional character.",
        "round.bad-year": "Assessment year {1} is invalid; use a year from 2000 to 2100.",
        "round.bad-reference": "Reference \"{1}\" is empty, too long or has a control or bidirectional character.",
        "round.bad-document":
            "{1} \"{2}\" is empty, longer than 200 bytes or has a control or bidirectional character; give one line of text.",
        "round.too-many-recipients":
            "{1} recipients (--recipient) given; a round lists at most {2}.",
        "round.bad-deadline": "--deadline \"{1}\" is not a date YYYY-MM-DD (e.g. 2026-12-15) between 2000 and 2100.",
        "round.inputs-incomplete": "The inputs could not all be read.",
        "round.demo-refused":
            "{1} is a demo identity (its passphrase is public); a real round refuses demo identities.",
        "hint.demo-round": "Make real identities with avault keygen; use --demo only for a demonstration round.",
        "round.secretary-role": "{1} has role {2}; only a secretary can create a round.",
        "round.bad-signature":
            "{1}: the secretary's signature does not verify: the round definition was changed after it was signed. Do not use this file.",
        "round.no-folder": "{1}: not a round folder.",
        "round.locked": "{1}: another avault command (process {2}, {3}) is using this round folder; nothing was done.",
        "hint.round-locked":
            "Run the command again once that one has finished (avault waited {1} s; AVAULT_LOCK_WAIT=SECONDS waits longer). The lock ends with its process: no file needs deleting.",
        "round.lock-replaced":
            "{1}: the lock file was replaced or deleted each time avault locked it ({2} tries); nothing was done. Another program is changing the round folder: stop it, then run the command again.",
        "round.lock-waiting": "Waiting for process {2} ({3}), which is using the round folder {1}…",
        "round.lock-bad-wait": "AVAULT_LOCK_WAIT={1}: not a number of seconds from 0 to 3600.",
        "round.inputs-rejected":
            "Problems in the inputs: {1}; nothing was written. Fix the problems above and run again.",
        "round.out-not-empty": "{1}: the folder exists and is not empty; a new round needs a new folder.",
        "round.demo-label": "DEMO ROUND — not for a real appraisal",
        "round.abstract": "Create and inspect appraisal rounds.",
        "round.init-abstract":
            "Secretary: create a signed round from the framework, units, self-assessment and assignments.",
        "round.init-discussion":
            "Checks every input first (reporting every problem found, with file:line:column), only then asks for the passphrase, embeds the holders' finished key ceremony (no key is made here), signs and writes ROUND/round.avr into a new folder. Prints the round fingerprint for members to confirm by phone.",
        "round.show-abstract": "Verify a round's signature and print a summary.",
        "help.set-groups":
            "The unit groups appraised on a criteria set: SET=GROUP[,GROUP…]; repeat for each set. Needed only with several sets.",
        "help.framework":
            "A criteria set: SET=FILE (or FILE alone in a one-set round); JSON, or CSV with columns code,title,max,method[,step]. Repeat for each set.",
        "help.units": "The units: CSV with columns id,name,group.",
        "help.groups": "Group names (optional): CSV id,name; so-nganh and huyen are built in.",
        "help.self-assessment": "Self-assessed scores: CSV with columns unit,code,score[,note].",
        "help.members":
            "Members and assignments: CSV id,public_key_file,codes[,units]; key paths are relative to the CSV's folder.",
        "help.unit-keys":
            "Optional CSV unit,public_key_file: each unit's public key (keygen --role unit); those units receive their own notice after the preliminary merge.",
        "help.labels":
            "Rank thresholds (optional): CSV group,label,min_percent; default Tốt 90, Khá 80, Trung bình 65, Yếu.",
        "help.title": "The round's title.",
        "help.year": "The assessed year.",
        "help.reference": "A reference, e.g. \"Quyết định số 04/QĐ-UBND\" (repeatable).",
        "help.issuer": "The governing body heading the report (default \"UBND TỈNH ĐIỆN BIÊN\").",
        "help.council": "The issuing council, also in the signature block (default \"HỘI ĐỒNG THẨM ĐỊNH\").",
        "help.place": "The place of the report's place-and-date line (default \"Điện Biên\").",
        "help.signer": "The name of the report's signer (default: a blank line to sign over).",
        "help.signer-title": "The signer's title (default \"CHỦ TỊCH\").",
        "help.document-number": "The report's number, e.g. \"12/BC-HĐTĐ\" (default: room for the clerk).",
        "help.recipient":
            "A recipient in the report's \"Nơi nhận\" list (repeatable; default: the provincial committee, the Department of Home Affairs, the council members, the appraised units, the archive).",
        "help.deadline": "The submission deadline YYYY-MM-DD, shown on the worksheets (default: none).",
        "help.secretary-key": "The secretary's secret key file (.key).",
        "help.demo": "Create a demo round: demo identities are allowed and the round is labelled demo.",
        "help.round-out": "A new folder for the round (must not exist, or be empty).",
        "help.round-dir": "The round folder (holding round.avr).",
        "round.init-validated": "Inputs checked: no problems.",
        "round.init-wrote": "Wrote {1}.",
        "round.init-counts":
            "{1} fields, {2} criteria, {3} sub-criteria; {4} units; {5} appraisable cells; {6} members; {7} holders, threshold {8}.",
        "round.fingerprint": "Round fingerprint: {1}  (read it to members and auditors over the phone)",
        "round.init-journal": "Started the round journal ({1}).",
        "label.title": "Title",
        "label.year": "Year",
        "label.references": "References",
        "label.issuer": "Issued by",
        "label.document-number": "Report no.",
        "label.place": "Place",
        "label.signer": "Signed by",
        "label.recipients": "Recipients",
        "label.deadline": "Deadline",
        "show.signer-by-hand": "{1}, name signed by hand",
        "show.no-number": "(the clerk fills it in)",
        "label.round-id": "Round id",
        "label.secretary": "Secretary",
        "label.framework": "Framework",
        "label.recusals": "Recusals",
        "label.unit-keys": "Unit keys",
        "label.units": "Units",
        "label.cells": "Cells",
        "label.members": "Members",
        "label.holders": "Holders",
        "label.labels": "Ranks",
        "show.counts":
            "{1} fields, {2} criteria, {3} sub-criteria ({4} self, {5} council, {6} survey); total {7} points",
        "show.group": "{1} ({2}): {3} units",
        "show.member": "{1}  {2}  codes: {3}{4}  — {5} cells  [{6}]",
        "show.holder": "x={1}  {2}  {3}  [{4}]",
        "show.threshold": "{1} of {2} holders needed to open the results",
        "show.unit-keys": "{1} of {2} units have a key and will receive their own notice",
        "show.units-without-key": "without a key, no notice: {1}",
        "show.labels": "{1}: {2}",
        "show.signature-ok": "Signature by secretary {1} verified.",
        "show.none": "(none)",
        "worksheet.abstract": "Write a member's worksheet (XLSX or CSV) listing exactly the cells assigned to them.",
        "help.worksheet-round": "The round folder.",
        "help.worksheet-member": "The member id, e.g. tv-01.",
        "help.worksheet-out": "The .xlsx or .csv file to write (never overwritten). - means standard output.",
        "worksheet.unknown-member": "{1} is not a member of this round; the members are: {2}.",
        "help.worksheet-format": "The format: xlsx (the default; csv when the file name ends in .csv) or csv.",
        "help.worksheet-dialect":
            "The CSV dialect: standard (, between fields, 0.5) or vi (; and 0,5; the default when LANG is Vietnamese).",
        "seal.more-problems": "… {1} more not shown (the first {2} are above).",
        "keygen.short-passphrase":
            "the passphrase is shorter than {1} characters: anyone who copies the key file can guess it sooner; a sentence of several words is better.",
        "keygen.common-passphrase":
            "the passphrase is a common one (on the lists guessed first); a sentence of several words, {1} characters or more, is better.",
        "worksheet.wrote": "Wrote {1} for {3} (cells: {2}).",
        "worksheet.header-note":
            "Fill diem_tham_dinh (0 to diem_toi_da, on the step) and ly_do whenever it differs from the self score; leave the other columns as they are.",
        "receive.recovered": "completed an interrupted receive: {1}, revision {2}",
        "round.shared-key": "{1} and {2} use the same key; every role needs its own identity and keys.",
        "merge.already-journaled":
            "{1}: the journal already records a merge; not merging again (approvals already given would open the round's key).",
        "help.round-fingerprint":
            "The round fingerprint the secretary read to you; the command stops if the round file does not match.",
        "round.fingerprint-unreadable": "\"{1}\" is not a fingerprint (6 groups of 4 characters).",
        "round.fingerprint-mismatch": "{1}: the round's fingerprint is {2}, not {3} as you were told.",
        "hint.fingerprint-mismatch":
            "Do not seal with or use this round file: it may be forged. Call the secretary for a fresh round.avr.",
        "seal.confirm-fingerprint":
            "Round \"{1}\", fingerprint {2}: confirm it with the secretary by phone (or pass --fingerprint).",
        "seal.fingerprint-checked": "Round \"{1}\": fingerprint {2} matches.",
        "seal.bad-revision": "Revision {1} must be from 1 to 1000000.",
        "seal.not-member": "{1} is not an appraising member of this round.",
        "hint.check-round": "Check that you used the right round (--round) and the right key file (--key).",
        "seal.public-key-file":
            "{1} is a public key file (.pub), not a worksheet; seal the worksheet written by avault worksheet.",
        "seal.avault-file": "{1} is an avault {2} file, not a worksheet; seal the filled worksheet (.xlsx or .csv).",
        "seal.other-member":
            "{1} is the worksheet of {2}, not of {3}; use your own worksheet (avault worksheet --member {3}) or {2}'s key.",
        "seal.problems": "{1}: problems found: {2}; nothing was sealed. Fix the worksheet and run again.",
        "seal.checked": "Worksheet is valid (cells appraised: {1}).",
        "seal.wrote": "Sealed {1} (revision {2}) for the secretary {3}.",
        "seal.removed": "Removed the plaintext worksheet {1}.",
        "seal.abstract": "Check a filled worksheet, then sign it and encrypt it so only the secretary can open it.",
        "seal.help-worksheet": "The filled worksheet (.xlsx or CSV).",
        "seal.help-round": "The round folder or its round.avr file.",
        "seal.help-out": "The output file (default: ID.rN.avs in the current folder). - means standard output.",
        "seal.help-revision": "The revision number (default: one more than the highest found next to the output).",
        "seal.help-remove": "Remove the plaintext worksheet after a successful seal.",
        "survey.not-survey": "{1}:{2}:{3}: code {4} is not a survey sub-criterion.",
        "survey.out-of-range": "{1}:{2}:{3}: score {4} must be within [0, {5}] and a multiple of {6}.",
        "survey.duplicate": "{1}:{2}:{3}: {4} / {5} appears twice.",
        "survey.missing": "{1}: no survey score for {2} / {3}.",
        "merge.not-secretary": "The key {1} is not this round's secretary key ({2}).",
        "merge.already-merged": "{1}: this round was already merged; not merging again.",
        "merge.content-mismatch": "{1}: the inner content does not match the header (sender, revision or round).",
        "merge.submission-changed":
            "{1}: the submission changed while the merge was writing the results (it is no longer the file that was checked); nothing was written. Another program is changing the round folder: stop it, then run the merge again.",
        "merge.invalid-content": "{1}: {2} problems in the submission's content, e.g.: {3}",
        "merge.incomplete": "Incomplete: {1} cells not appraised, {2} in conflict: {3}",
        "hint.allow-incomplete": "Wait for the missing members, or pass --allow-incomplete (the manifest records it).",
        "merge.abstract": "Open, check and merge the submissions; write the locked results and a signed manifest.",
        "merge.survey-missing":
            "{1}: the framework has survey sub-criteria but no survey was imported into the round; not merging ({2} units would be ranked over a reduced maximum).",
        "hint.import-survey":
            "Import the survey scores first (avault survey import FILE --round ROUND --key SECRETARY.key), or pass --without-survey to rank over the maximum without the survey items.",
        "merge.help-skip-explanation":
            "Merge a round with unit keys without its explanation round (no preliminary merge); the journal records it.",
        "merge.help-allow-unexplained":
            "Allow a second-round change of a cell no unit explained (UNIT/CODE; repeatable); the manifest and the journal record it.",
        "merge.bad-cell": "{1}: not UNIT/CODE (a unit id, a slash, a sub-criterion code).",
        "merge.history-count":
            "Explanation round: {1} explained cells ({2} kept, {3} changed by the second appraisal), {4} allowed exceptions; the results keep the history.",
        "merge.no-preliminary":
            "{1}: the round has unit keys but no preliminary merge: the units were never sent their notices. Not merging.",
        "hint.skip-explanation":
            "Run avault merge --preliminary first (the explanation round), or pass --skip-explanation to merge without one (the journal records it).",
        "merge.preliminary-changed":
            "{1}: the live round-1 submissions are not the ones the preliminary merge listed (the notices describe those). Not merging.",
        "merge.not-forwarded":
            "{1}: the explanation of unit {2} disputes cells that were never forwarded to their members. Not merging.",
        "hint.forward":
            "Forward the explanations first: avault explanations forward --round ROUND --key SECRETARY.key.",
        "merge.second-mismatch":
            "{1}: the second-round row for {2} does not fit the round (not the cell's member, not the file forwarded for it, or its decision does not match the score). Not merging.",
        "merge.unexplained-change":
            "{1}: the second-round revision changes {2}, which no unit explained. Not merging.",
        "hint.allow-unexplained":
            "If the council decided this change, pass --allow-unexplained-change {1} (the journal records it).",
        "merge.explanation-mismatch":
            "{1}: the explanation of unit {2} does not answer exactly the contested cells of its notice. Not merging (the unit can send a corrected revision).",
        "merge.exception-unused":
            "--allow-unexplained-change {1}: no second-round revision changes that cell without an explanation. Not merging (check the unit and code).",
        "merge.second-missing":
            "{1} explained cells have no second-round decision yet: {2}",
        "merge.survey-not-used":
            "{1}: a survey was imported into the round; --without-survey would leave it out. Not merging.",
        "merge.survey-content":
            "{1}: the imported survey cannot be merged ({2}); import it again (avault survey import).",
        "survey.after-merge": "{1}: the round is merged ({2}); its survey can no longer be imported or replaced.",
        "merge.reduced-maximum":
            "Merged WITHOUT survey scores: each index is over the reduced maximum of {1} points, not {2} (survey items left out).",
        "survey.imported": "Survey imported: {1} scores (import {2}), signed and sealed to the secretary.",
        "merge.help-without-survey":
            "Merge without survey scores on purpose: survey items leave the maximum (the index is over the reduced maximum).",
        "survey.abstract": "The survey scores (điều tra xã hội học) of the round.",
        "survey.import-abstract":
            "Check the survey CSV (unit,code,score) against the round and seal it into the round folder.",
        "survey.help-file": "The survey scores, CSV unit,code,score (',' or ';', decimal point or comma).",
        "survey.wrote": "Written: {1}",
        "merge.help-allow-incomplete": "Lock the results even with gaps or conflicts (recorded in the manifest).",
        "merge.done": "Merged {1} submissions. Locked results: {2}. Manifest: {3}.",
        "merge.coverage": "Coverage: {1}/{2} cells appraised; {3} gaps; {4} conflicts.",
        "merge.gaps-note": "Not submitted: {1}",
        "receive.abstract":
            "Check the signatures and bindings of sealed submissions and take them into the round folder (no decryption).",
        "receive.help-files": "The sealed submission files (.avs).",
        "receive.accepted": "accepted: {1} — {2}, revision {3}",
        "receive.superseded": "accepted: {1} — {2}, revision {3} replaces {4}",
        "receive.rejected": "rejected: {1}",
        "receive.summary": "Accepted: {1}; rejected: {2}.",
        "status.abstract": "List who has submitted, the revision and when it was received (never any score).",
        "status.header": "Round: {1} ({2})",
        "status.submitted": "submitted  {1}  revision {2}  received {3}",
        "status.missing": "missing    {1}",
        "status.summary": "{1}/{2} members have submitted.",
        "status.phase-appraisal": "Phase: appraisal (round-1 submissions are being collected).",
        "status.phase-explanation":
            "Phase: explanation (preliminary merge done, notices issued; round-1 submissions are closed).",
        "status.phase-second-appraisal":
            "Phase: second appraisal (explanations forwarded to the members; second-round revisions are being collected).",
        "status.phase-merged": "Phase: merged (final results locked until the release).",
        "status.phase-released": "Phase: released (a release token is in the round folder).",
        "status.notified": "notices issued to {1} of {2} units: {3}",
        "status.answer-by": "answers due by {1}",
        "status.answered": "explanations received from {1} of {2} notified units: {3}",
        "status.late": "received after the deadline (the council decides): {1}",
        "status.forwarded": "explanations forwarded: {1} files to {2} members: {3}",
        "status.second": "second-round revisions received from {1} of those {2} members: {3}",
        "help.key": "The secret key file.",
        "verify.more-problems": "{1} more findings of check {2} are not listed.",
        "verify.round-ok": "\"{1}\": signed by the secretary {2}; {3} members; release needs {4} of {5} holders.",
        "verify.fingerprint-ok": "The round fingerprint matches: {1}.",
        "verify.fingerprint-mismatch":
            "The round fingerprint is {1}, not {2} as given: this is not the round you were told about.",
        "verify.fingerprint-not-given":
            "Fingerprint not compared (no --fingerprint). The round's fingerprint is {1}; read it back to the secretary.",
        "verify.journal-signed": "The journal is signed by the secretary {1}.",
        "verify.journal-chain": "The hash chain is intact over {1} entries; head {2}….",
        "verify.journal-no-init": "{1}: the first entry is not the round-init of this round definition.",
        "verify.journal-round": "{1} belongs to this round and starts with its round-init.",
        "verify.no-submissions": "No submissions yet.",
        "verify.name-ok": "File name follows the rule: {1}, revision {2}.",
        "verify.submission-signed": "Outer signature verifies (signed as {1}).",
        "verify.name-mismatch":
            "{1}: the name says {2} revision {3}, but the file is signed by {4} as revision {5}; it was renamed or swapped.",
        "verify.submission-bound": "From {1}, revision {2}, sealed to this round's secretary {3}.",
        "verify.journal-entry-malformed":
            "Journal entry {1} ({2}) is incomplete or does not follow from the earlier revisions.",
        "verify.journaled-file-missing":
            "{1}: the journal (entry {2}) records this file but it is not there; it was removed or moved.",
        "verify.journaled-file-changed":
            "{1}: its bytes differ from the hash the journal records (entry {2}); the file was replaced.",
        "verify.file-not-journaled": "{1}: no journal entry records this file; it was added without avault receive.",
        "verify.journal-files-ok":
            "Every received file is where the journal puts it: {1} live, {2} superseded; {3} files rejected.",
        "verify.no-manifest": "No manifest yet (manifest.avm): the round has not been merged.",
        "verify.manifest-signed": "The manifest is signed by the secretary {1}.",
        "verify.manifest-round": "The manifest belongs to this round.",
        "verify.manifest-wrong-round": "{1}: the manifest belongs to another appraisal round.",
        "verify.listed-missing":
            "{1}: listed in the manifest ({2}, revision {3}) but not in submissions/; removed after the merge.",
        "verify.listed-changed": "{1}: its bytes differ from the hash the manifest lists; replaced after the merge.",
        "verify.unlisted": "{1}: in submissions/ but not listed in the manifest; added after the merge.",
        "verify.manifest-submissions-ok":
            "submissions/ holds exactly the files the manifest lists ({1}), with the listed hashes, and nothing else.",
        "verify.coverage-incomplete":
            "{1}: {2} of {3} cells appraised, {4} gaps, {5} conflicts, yet the manifest does not say it was locked incomplete on purpose.",
        "verify.coverage-inconsistent":
            "{1}: the coverage does not match the round ({2} appraisable cells; the manifest says {3} of {4}, {5} gaps, {6} conflicts) or its missing members are wrong.",
        "verify.coverage-incomplete-allowed":
            "Locked incomplete on purpose (--allow-incomplete): {1} of {2} cells, {3} gaps, {4} conflicts; not submitted: {5}.",
        "verify.coverage-ok": "Complete: {1} of {2} cells appraised, no gaps, no conflicts.",
        "verify.no-journal-to-check": "{1}: the journal could not be read, so it cannot be compared.",
        "verify.merge-entry-count": "The journal has {1} merge entries; there must be exactly one.",
        "verify.merge-entry-details":
            "Journal entry {1} (merge) does not name the hashes of {2} and the locked results, or the number of submissions.",
        "verify.merge-entry-head":
            "Journal entry {1} (merge) does not follow the head {2} recorded; the history before the merge was rewritten.",
        "verify.history-ok":
            "The explanation round's history checks out: {1} cells ({2} changed by the second appraisal), {3} allowed exceptions; every explanation and decision as signed.",
        "verify.history-files-differ":
            "{1}: the explanations or second-round files in the results are not the ones the manifest lists.",
        "verify.history-not-contested":
            "Unit {1} explained {2}, which is not a contested cell of its own notice.",
        "verify.history-entry":
            "The history of {1} does not check out ({2}): it does not match the signed files, the journal or the released cell.",
        "verify.history-without-explanation-round":
            "{1}: the results carry an explanation-round history, explanations, second-round files or exceptions, but the round has no unit keys (no explanation round).",
        "verify.cell-out-of-range": "{1} / {2}: the score {3} is outside 0 to {4} or not on the sub-criterion's step.",
        "verify.history-wrong-member":
            "{1}: the history names {2}, who is not the member the round assigns this cell (or the explanation went to another member).",
        "verify.merged-not-preliminary":
            "The merged round-1 submissions are not the ones the preliminary merge (journal entry {1}) listed: the notices the units answered describe other files.",
        "verify.merged-not-live-explanation-round":
            "{1}: the explanations or second-round files the manifest lists are not the live ones the journal records before the merge.",
        "verify.merged-not-received":
            "Submission {1} revision {2} was merged, but the journal does not record receiving it before the merge.",
        "verify.manifest-journal-ok":
            "Journal entry {1} (merge) names this manifest and these results, right after the recorded head.",
        "verify.results-missing": "{1}: there is a manifest but no locked results file.",
        "verify.results-hash-ok": "Hash matches the manifest ({1}…).",
        "verify.results-hash-mismatch":
            "{1}: the hash differs from the manifest's; the locked results were replaced or altered.",
        "verify.results-without-manifest": "{1}: locked results without a manifest to check them against.",
        "verify.results-envelope-ok":
            "Signed by the secretary {1}, locked to the round's joint key; unreadable without t holders' partial decryptions.",
        "verify.no-approvals": "No release approvals yet.",
        "verify.release-before-merge": "{1}: a release file, but no manifest or locked results to check it against.",
        "verify.approval-ok": "Valid approval by {1} (x = {2}) under \"{3}\".",
        "verify.approvals-differ": "{1} and {2} cite different decisions; they cannot form one release token.",
        "verify.approvals-enough": "{1} distinct holders approved ({2}); {3} needed.",
        "verify.approvals-so-far": "So far {1} distinct holders approved ({2}); {3} needed.",
        "verify.no-token": "No release token yet: the results stay locked.",
        "verify.token-ok":
            "Valid token: {1} distinct holders ({2}), {3} needed; every partial decryption proven against its holder's verification key; under \"{4}\".",
        "verify.results-header-mismatch":
            "{1}: the opened results name another round, or disagree with the manifest about survey scores.",
        "verify.results-opened": "Opened with the token: {1} units; the inner signature verifies.",
        "verify.results-units": "{1}: the units or their groups differ from the round definition.",
        "verify.results-cells": "{1}: the criteria in the results differ from the round's framework.",
        "verify.results-cell-differs": "{1} / {2}: method, maximum or self score differs from the round definition.",
        "verify.total-wrong": "{1} / {2}: the total is not the sum of its parts.",
        "verify.totals-ok": "Totals add up at every level for {1} units.",
        "verify.percent-wrong": "{1}: index {2} % is wrong (recomputed: {3} %, rank {4}, label \"{5}\").",
        "verify.percent-ok": "Index %, rank and label recomputed and matching for {1} units.",
        "verify.reason-missing":
            "{1} / {2}: the appraised score differs from the self score, or the unit did not self-assess it, but no reason is given.",
        "verify.reasons-ok":
            "All {1} cells whose appraised score differs from the self score, or that the unit did not self-assess, give a reason.",
        "verify.appraiser-unexpected":
            "{1} / {2}: a cell without an appraised score names an appraiser \"{3}\" or a reason.",
        "verify.appraiser-wrong": "{1} / {2}: appraised by {3}, but the cell is assigned to {4}.",
        "verify.appraised-count": "The results hold {1} appraised cells; the manifest says {2}.",
        "verify.appraisers-ok": "All {1} appraised cells were appraised by the member assigned to them.",
        "verify.abstract": "Verify a whole round folder, or one sealed file, with public keys only (for auditors).",
        "verify.help-folder":
            "The round folder to verify; with --round, the one sealed submission file (.avs) to check.",
        "verify.help-fingerprint":
            "The round fingerprint the secretary read to you (case, spaces and dashes are ignored).",
        "verify.help-json": "Print the report as canonical JSON for machines.",
        "verify.bad-fingerprint": "\"{1}\" is not a fingerprint (24 characters A–Z, 2–7).",
        "verify.header": "Verifying round {1} (fingerprint {2})",
        "verify.summary-pass": "PASSED: {1} checks passed, {2} not yet applicable; anchored by {3}.",
        "verify.summary-fail": "FAILED: {1} of {2} checks failed.",
        "verify.help-round":
            "Check only the one file given against this round (its folder, or its round.avr): outer signature, sender in the round, name.",
        "verify.receipts-with-round": "--receipts checks a round folder; it cannot be used with --round.",
        "verify.file-header": "Checking {1} against round {2} (fingerprint {3})",
        "verify.file-summary-unanchored":
            "NOT ANCHORED: {1} checks passed, {2} not yet applicable, but nothing ties this round definition to the round you mean; a forged round with its own keys passes too. Give --fingerprint (the secretary reads it to you), or check against the round folder on a machine that pinned it.",
        "format.kind-name": "{1} file",
        "format.empty": "{1}: the file is empty.",
        "format.not-avault": "{1}: not an AppraisalVault file.",
        "format.version": "{1}: format version {2} is not supported (this avault reads version 1).",
        "format.unknown-kind": "{1}: unknown file kind ({2}).",
        "format.wrong-kind": "{1}: this is a {2} file, not the {3} file this command needs.",
        "format.truncated": "{1}: the file is truncated (data missing at the end).",
        "format.header": "{1}: malformed header: {2}.",
        "format.trailing": "{1}: {2} unexpected bytes after the end of the file.",
        "crypto.failure": "Internal cryptography failure: {1}.",
        "hint.which-file": "Check the path: this may be the wrong file.",
        "hint.ask-new-copy": "The file was altered or forged; ask the sender for a fresh copy.",
        "file.not-found": "{1}: no such file.",
        "file.unreadable": "{1}: cannot read the file ({2}).",
        "file.not-regular": "{1}: not a regular file.",
        "file.too-large": "{1}: the file is too large ({2} bytes; at most {3}).",
        "file.exists": "{1}: already exists; refusing to overwrite it.",
        "file.cannot-write": "{1}: cannot write ({2}).",
        "hint.move-away": "Choose another name, or move the old {1} away if you are sure it is not needed.",
        "identity.bad-signature": "{1}: the identity's self-signature does not verify.",
        "identity.got-secret-key": "{1}: this is a secret key file (.key), not a public identity file (.pub).",
        "identity.bad-id":
            "Identity id \"{1}\" is invalid: use 1–64 characters a–z, 0–9, '.', '_', '-', starting with a letter or digit.",
        "identity.bad-name":
            "Invalid name: it must be 1–200 bytes of visible text with no control or bidirectional characters.",
        "key.got-public-file": "{1}: this is a public identity file (.pub), not a secret key file (.key).",
        "key.kdf-limits":
            "{1}: Argon2id limits out of the accepted range ({2} passes, {3} MiB); refused before any work.",
        "key.too-open": "{1}: the secret key file has mode {2} and others can read it; refusing to use it.",
        "key.wrong-passphrase": "{1}: wrong passphrase, or the key file was altered.",
        "key.inconsistent": "{1}: the secret keys do not match the public keys recorded in the file.",
        "hint.use-pub": "Use the matching .pub file; never hand a .key file to anyone.",
        "hint.use-key": "Use your own .key file (made together with this .pub file).",
        "hint.chmod": "Run: chmod 600 {1}",
        "hint.passphrase": "Type the passphrase again; mind the keyboard layout and Caps Lock.",
        "cli.exit-statuses": "Exit statuses:",
        "exit.verification-failed": "a verification found failures (verify)",
        "exit.usage": "the command line was wrong",
        "exit.data-error": "an input file is malformed, altered, or of the wrong kind",
        "exit.no-input": "an input file could not be opened",
        "exit.software": "internal error",
        "exit.cannot-create": "an output could not be created, or already exists",
        "exit.io-error": "reading or writing failed",
        "exit.locked": "another avault command is using the round folder (try again later)",
        "exit.permission": "a wrong passphrase, a key or passphrase file others can read, or a key not allowed here",
        "appraisal.not-assessed-reason":
            "the unit did not self-assess this sub-criterion: the appraised score {1} needs a reason.",
        "appraisal.blank-reason":
            "the appraised score {1} differs from the self score {2} but the reason has only spaces or invisible characters (such as U+00A0 from a spreadsheet); write the reason.",
        "cli.warning-prefix": "warning",
        "passphrase.too-open": "{1}: the passphrase file has mode {2} and others can read it; refusing to use it.",
        "evidence.name-character":
            "{1}: the file name contains {2}, an invisible control character that can make the name look different from what it is (for example hide its real extension); rename the file.",
        "input.control-character":
            "{1}:{2}:{3}: the text contains the control character {4}; remove it (only reasons and notes may hold line breaks and tabs).",
        "input.bidi-control":
            "{1}:{2}:{3}: the text contains {4}, an invisible bidirectional control that makes text display in another order than it is stored; remove it.",
        "release.single-holder": "A threshold of 1 lets any one holder open the results alone; refusing it.",
        "help.single-holder": "Accept --threshold 1: any one holder alone can open the results.",
        "show.single-holder": "threshold 1 — any one holder alone can open the results.",
        "verify.single-holder": "threshold 1 of {1}: any one holder alone can open the results.",
        "verify.notices-ok":
            "notices/ holds the {1} notices the preliminary merge journaled, each the secretary's, for this round, sealed to its unit's key; answers due by {2}.",
        "verify.notices-not-yet": "no preliminary merge yet: no notice issued.",
        "verify.notices-unjournaled":
            "notices/ holds {1} files but the journal has no preliminary entry; they were not issued by the preliminary merge.",
        "verify.preliminary-twice": "the journal has {1} preliminary entries; the notices are issued once.",
        "verify.notice-units":
            "the preliminary entry does not list exactly the units with a key ({1}) as notified and the others as without a key.",
        "verify.notice-stray-file":
            "{1}: not a notice the preliminary entry lists (name UNIT.avn for a notified unit).",
        "verify.notice-hash":
            "{1}: its hash differs from the one the preliminary entry lists; it was changed or replaced.",
        "verify.explanations-ok":
            "explanations/ holds the {1} explanations the journal records, from {2} units, each signed by its unit's round key, sealed to the secretary, answering the notice issued to that unit; {3} received after the deadline (marked late).",
        "verify.explanations-not-yet":
            "no explanation received yet.",
        "verify.explanation-stray-file":
            "{1}: not an explanation the journal records (name UNIT.rN.avx, as its header says).",
        "verify.explanation-hash":
            "{1}: differs from the file the journal recorded as received.",
        "verify.explanation-evidence-missing":
            "{1}: a unit's evidence recorded in the journal but missing.",
        "verify.explanation-missing":
            "the explanation of unit {1}, revision {2}, is recorded in the journal but missing from explanations/.",
        "verify.forwards-ok":
            "forwarded/ holds the {1} forwarded explanations the journal records, to {2} members, of {3} units, each sent by the secretary, sealed to the member it names, who is assigned cells of that unit; {4} evidence copies.",
        "verify.forwards-not-yet":
            "no explanation forwarded yet.",
        "verify.forward-stray-file":
            "{1}: not a forwarded file the journal records (name MEMBER.UNIT.rN.avf or MEMBER.UNIT.rN.eK.ave, as its header says).",
        "verify.forward-hash":
            "{1}: differs from the file the journal recorded as forwarded.",
        "verify.forward-missing":
            "{1}: recorded in the journal as forwarded but missing.",
        "verify.forward-unknown-explanation":
            "journal entry {1}: a forward of unit {2} naming an explanation that was not received from that unit.",
        "verify.forward-wrong-member":
            "the explanation of unit {2} was forwarded to {1} (journal entry {3}), who is not assigned any cell of that unit.",
        "verify.notice-missing": "the notice of unit {1} is listed in the journal but missing from notices/.",
        "verify.unit-keys": "{1} of {2} units have a key (role unit) and take part in the explanation round.",
        "verify.units-without-key": "{1} units have no key and will receive no notice: {2}.",
        "verify.summary-warnings": "{1} warning(s) (marked !): read them before relying on this round.",
        "hint.single-holder":
            "Use --threshold 2 or more; if one holder alone must be able to open the results, add --single-holder.",
        "approval.bad-proof":
            "{1}: the partial decryption in the approval by {2} (x = {3}) does not match {2}'s verification key: it is forged, or made for other results.",
        "ceremony.abstract":
            "The holders' key ceremony: nobody ever holds the release key.",
        "ceremony.ack-abstract":
            "Pass 2: a holder checks every dealing and signs an acknowledgement or complaints.",
        "ceremony.ack-mismatch":
            "{2}: {1} acknowledged other dealings than the ones in this ceremony folder.",
        "ceremony.bad-proof":
            "{1} is excluded: the proof of knowledge in their dealing {2} does not verify.",
        "ceremony.bad-signature":
            "{1}: the signature of {2} does not verify; the file was altered or signed by someone else.",
        "ceremony.begin-abstract":
            "The secretary writes the ceremony plan: holders, threshold, round id.",
        "ceremony.complained":
            "Complaint against {1}: the share they sealed to you is not on their commitments.",
        "ceremony.deal-abstract":
            "Pass 1: a holder publishes commitments and seals one share to every holder.",
        "ceremony.dealer-cheated":
            "{1} is excluded: the share {1} signed for {2} is not on {1}'s published commitments.",
        "ceremony.duplicate":
            "{2} and {3} are both from {1}; keep one of them.",
        "ceremony.excluded":
            "{1} was excluded at the key ceremony and holds no part of the release key.",
        "ceremony.false-complaint":
            "{1} is excluded: their complaint against {2} does not hold.",
        "ceremony.finish-abstract":
            "Judge the ceremony: who is excluded, the joint key (as round init will).",
        "ceremony.finished":
            "Key ceremony: {1} of {2} holders qualified, threshold {3}; joint key {4}.",
        "ceremony.help-dir":
            "The key ceremony folder.",
        "ceremony.help-holders":
            "The release holders' .pub files, comma-separated, in order.",
        "ceremony.help-out":
            "The file to write (default: inside the ceremony folder). - means standard output.",
        "ceremony.help-secretary":
            "The secretary's .pub file.",
        "ceremony.help-threshold":
            "How many holders must approve to open the results (t).",
        "ceremony.missing":
            "The key ceremony is not complete: no {1} yet from: {2}.",
        "ceremony.not-a-holder":
            "{1} is not a holder in the key ceremony plan {2}.",
        "ceremony.qualified":
            "Qualified holders: {1}. round init --ceremony can use this folder.",
        "ceremony.round-mismatch":
            "{2}: the key ceremony was planned for another secretary than {1}.",
        "ceremony.share-mismatch":
            "The shares sealed to {1} do not give {1}'s verification key; the round definition is inconsistent.",
        "ceremony.share-unopenable":
            "The share {1} sealed to you in {2} cannot be opened or is not signed by {1}.",
        "ceremony.too-few":
            "Only {1} holders remain after exclusions, fewer than the threshold {2} (excluded: {3}); hold the ceremony again.",
        "ceremony.wrong-plan":
            "{1}: this file is for another key ceremony than {2}.",
        "ceremony.wrote-ack":
            "Wrote the acknowledgement of {2}: {1}; return it to the secretary.",
        "ceremony.wrote-dealing":
            "Wrote the dealing of {2}: {1}; return it to the secretary.",
        "ceremony.wrote-plan":
            "Wrote the plan {1}; give it to every holder.",
        "help.ceremony":
            "The finished key ceremony folder (avault ceremony).",
        "hint.ceremony-deal-again":
            "Ask {1} to deal again (avault ceremony deal) and every holder to acknowledge again.",
        "verify.survey-file-ok":
            "survey.avq is the secretary's import {1} for this round, sealed to the secretary, journaled and (after the merge) listed in the manifest.",
        "verify.survey-missing": "{1}: the journal or the manifest records a survey import, but the file is missing.",
        "verify.survey-binding":
            "{1}: the survey file is not the secretary's for this round, not sealed to the secretary, or its header context is not {\"revision\": n}.",
        "verify.survey-not-journaled":
            "{1}: the survey file is not the last import the journal records (replaced or added outside avault).",
        "verify.survey-not-listed": "{1}: the survey file is not the one {2} lists (or the manifest lists none).",
        "verify.survey-signed-ok":
            "The released results carry the survey as the secretary signed it; {1} survey cells match it.",
        "verify.survey-signed-differs": "{1}: the survey the results carry is not the one the manifest lists.",
        "verify.survey-content-bad":
            "{1}: the survey content in the results does not verify against this file's inner signature, or does not fit the round.",
        "verify.survey-cell-not-signed": "{1} / {2}: the survey score in the results is not the signed survey's.",
        "verify.cell-not-signed":
            "{1} / {2}: the released score or reason is not the one {3} signed.",
        "verify.ceremony-ok":
            "Key ceremony: {1} of {2} holders qualified (t = {3}); joint key {4}… and every verification key recomputed from the commitments; {5} acknowledgements checked.",
        "verify.signed-content-bad":
            "{1}: the content the results carry for this submission is not what its member signed (inner signature, member, revision or round), or the file is missing or changed.",
        "verify.signed-submissions-differ":
            "The results carry {1} signed submissions, but the manifest lists {2} (or other revisions or files).",
        "verify.signed-submissions-ok":
            "{1} merged submissions carried as signed: every inner signature verifies; all {2} appraised cells are the scores and reasons their members sealed.",
        "help.index-above-100":
            "Let bonus points take a unit's index above 100 (default: the index is capped at 100).",
        "framework.bad-extra-code":
            "{1}:{2}:{3}: the bonus or penalty code \"{4}\" is invalid; use a letter then letters, digits, '.' or '-', at most 16 characters, not total or final (e.g. T1, TR1).",
        "framework.extra-code-taken":
            "{1}:{2}:{3}: the bonus or penalty code {4} has the form of a field, criterion or sub-criterion code; give the item a code starting with a letter (e.g. T1, TR1).",
        "framework.extra-cap":
            "{1}:{2}:{3}: the cap of the bonus or penalty item {4} is {5}; it must be greater than 0 and at most the set's total {6}.",
        "framework.too-many-extras":
            "{1}: more than {3} {2} items; a criteria set has at most {3} bonus and {3} penalty items.",
        "appraisal.above-cap":
            "score {1} is above the cap {2} of this bonus or penalty item.",
        "appraisal.extra-reason":
            "the bonus or penalty {1} is not 0 but no reason is given (a reason is required whenever it is not 0).",
        "verify.extra-over-cap":
            "{1} / {2}: the bonus or penalty {3} is outside 0 to its cap {4}, or off its step.",
        "verify.extra-reason-missing":
            "{1} / {2}: the bonus or penalty {3} is not 0 but no reason is given.",
        "label.index":
            "Index",
        "show.extras":
            "{1}: bonus {2}; penalty {3}",
        "show.index-capped":
            "(base + bonus − penalty, at least 0) ÷ maximum × 100, at most 100",
        "show.index-above-100":
            "(base + bonus − penalty, at least 0) ÷ maximum × 100, may exceed 100 (--index-above-100)",
    ]
}
