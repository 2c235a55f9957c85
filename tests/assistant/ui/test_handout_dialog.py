"""The patient handout window, opened from an answer: made on a worker, previewed beside its
checks, saved as PDF; the patient's name printed and nowhere else."""

from __future__ import annotations

import pypdfium2
import pytest
from PySide6.QtCore import QUrl
from test_main_window import ask, make_window


def test_an_answer_becomes_a_handout_with_its_checks_and_a_pdf(
    qtbot, demo_home, real_embedder, tmp_path
):
    window = make_window(qtbot, demo_home, real_embedder, tmp_path)
    answer = ask(qtbot, window, "What should I do straight after a needlestick injury?")
    assert not answer.refused
    exchange_id = window.store.exchanges(window.conversation_id)[-1].id
    assert f"handout:{exchange_id}" in window.chat.toHtml()

    window.chat.anchorClicked.emit(QUrl(f"handout:{exchange_id}"))
    dialog = window._handout
    qtbot.waitUntil(dialog.isVisible)
    assert "needlestick" in dialog.topic.text().lower()
    assert not dialog.save_pdf_button.isEnabled()  # nothing to save yet
    dialog.name.setText("Ada Byrne")
    dialog.make()
    qtbot.waitUntil(lambda: dialog.handout is not None, timeout=60_000)
    handout = dialog.handout
    assert not handout.empty and dialog.save_pdf_button.isEnabled()
    preview = dialog.preview.toPlainText()
    assert "What to do" in preview and "For: Ada Byrne" in preview
    assert all(line.text in preview for line in handout.lines[:3])
    checks = dialog.checks.toPlainText()
    assert "Sharps and Needlestick Injury Procedure (v1)" in checks
    assert "Reading grade" in checks and "Action steps present" in checks

    pdf_path = dialog.save_pdf(str(tmp_path / "handout.pdf"))
    pdf = pypdfium2.PdfDocument(pdf_path)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "For: Ada Byrne" in text and "For the clinician" in text
    assert "Ada Byrne" not in str(handout.to_json())

    dialog.mark("edited", "bigger print for Ada Byrne")
    [kept] = [r for r in window.store.handouts() if r.id == dialog.handout_id]
    assert kept.use == "edited" and kept.exchange_id == exchange_id
    assert kept.conversation_id == window.conversation_id and "Byrne" not in kept.comment
    assert "Byrne" not in str(kept.handout)
    dialog.close()


def test_the_handout_window_opens_empty_from_the_tools_menu(
    qtbot, demo_home, real_embedder, tmp_path
):
    window = make_window(qtbot, demo_home, real_embedder, tmp_path)
    item = next(a for a in window.actions() if a.text() == "&Patient handout…")
    item.trigger()
    dialog = window._handout
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.topic.text() == ""
    dialog.make()
    assert "Type what the handout is about" in dialog.status.text()
    # Offline, Spanish is asked for and the handout says plainly why it is in English.
    dialog.topic.setText("what to do after a needlestick injury")
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.request().language == "es"
    dialog.pictures.setChecked(False)
    assert dialog.request().picture_space is False
    with qtbot.waitSignal(dialog.made, timeout=60_000) as made:
        dialog.make()
    assert made.args[0] is dialog.handout and dialog.handout is not None
    assert "The approved documents are in English" in dialog.checks.toPlainText()
    # A topic no document covers: the reason, and nothing to save or print.
    dialog.topic.setText("protecting your skin from the sun")
    with qtbot.waitSignal(dialog.made, timeout=60_000):
        dialog.make()
    assert dialog.handout.empty and not dialog.save_pdf_button.isEnabled()
    assert dialog.status.text() == "No approved document covers this topic"
    assert "Nothing was written from general knowledge" in dialog.preview.toPlainText()
    dialog.close()


def test_a_handout_too_hard_to_quote_says_so_on_its_status_line():
    from assistant.handouts.handout import Handout
    from assistant.ui.handout_dialog import _why_none

    staff = Handout(
        title="Constipation",
        topic="constipation",
        language="en",
        target_grade=6.0,
        sections=(),
        notes=(
            "The approved documents found (x.pdf) discuss this topic, but they are "
            "written for staff (about grade 16): no sentence …",
        ),
    )
    assert _why_none(staff).startswith("The documents found are written for staff")


@pytest.mark.slow
def test_a_scripted_screenshot_of_the_handout_window(demo_home, tmp_path):
    # `clinassist app --show handout --ask TOPIC --screenshot F`: the README's handout picture
    import os
    import shutil
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    home = tmp_path / "home"
    shutil.copytree(demo_home, home)
    shot = tmp_path / "handout.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HF_HUB_OFFLINE": "1"}
    env.pop("DISPLAY", None)
    argv = [sys.executable, "-m", "assistant", "--home", str(home), "app", "--show", "handout"]
    argv += ["--ask", "what to do after a needlestick injury", "--screenshot", str(shot)]
    subprocess.run(argv, env=env, check=True, timeout=300, capture_output=True)
    image = QImage(str(shot))
    assert image.width() > 600 and image.height() > 400
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in (200, 300)}) > 2
