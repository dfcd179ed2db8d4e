

def test_a_reports_name_inside_a_sentence_lowers_its_first_letter_only() -> None:
    from ansinh.core.templatetags.vn import thuong_dau

    assert thuong_dau("Báo cáo quý I năm 2026") == "báo cáo quý I năm 2026"
    assert thuong_dau("") == "" and thuong_dau(None) == ""
