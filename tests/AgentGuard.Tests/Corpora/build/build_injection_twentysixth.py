"""Appends the source added in the twenty-sixth session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- llmail-submissions: attack e-mails one team submitted to Microsoft's LLMail-Inject challenge (SaTML 2025), kept in
  the job log of its submission tool (KillAllTheHippies/LLMAILTEST, MIT, `jobs_data.csv`; the file's last version,
  commit c1c960d7, before it was removed from the repository). Each submission is an e-mail an attacker sent to the
  challenge's e-mail assistant to make it send "confirmation" to contact@contact.com; the text is the e-mail as the
  challenge's agent hands it to the model, "Subject of the email: {subject}.   Body: {body}" (the same wording the
  log's `output` column echoes for each job, subject and body as submitted; the `llmail-emails` clean rows carry the
  same frame). Every submission is an injection attempt,
  as the challenge's own dataset counts them, whether or not it got past the level's defence. The log holds many
  resubmissions of one e-mail with a word or two changed: bodies under 40 characters are dropped, and submissions are
  taken in the order they were scheduled, a body kept only when its word 4-shingles overlap no kept body's by 30 %
  or more (Jaccard), so that the tuning and held-out parts do not share near-copies of one e-mail.
"""
import csv
import io
import re

from common import append, show_at

TARGET = "../injection.jsonl"
SOURCE = "llmail-submissions"
REPO = "microsoft/llmail-inject-challenge submissions (via KillAllTheHippies/LLMAILTEST)"
MIRRORED, COMMIT = "KillAllTheHippies/LLMAILTEST", "c1c960d799dc9afb956d3c870fc91379df3886f0"
PATH = "jobs_data.csv"
MIN_BODY = 40
NEAR_COPY = 0.3


def shingles(text):
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return {tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3))}


submissions = sorted(csv.DictReader(io.StringIO(show_at(MIRRORED, COMMIT, PATH))), key=lambda r: r["scheduled_time"])
kept = []
rows = []
for submission in submissions:
    body = submission["body"].strip()
    if len(body) < MIN_BODY:
        continue
    own = shingles(body)
    if any(len(own & other) / len(own | other) >= NEAR_COPY for other in kept):
        continue
    kept.append(own)
    text = f"Subject of the email: {submission['subject']}.   Body: {submission['body']}"
    rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": PATH, "licence": "MIT", "label": 1,
                 "kind": f"attack-email/{submission['scenario']}", "text": text})

print(len(rows), "submissions kept of", len(submissions))
print(TARGET, append(TARGET, rows))
