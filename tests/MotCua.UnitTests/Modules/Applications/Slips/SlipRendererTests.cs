using System.Diagnostics;
using System.Text;
using MotCua.Web.Modules.Applications.Slips;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static MotCua.UnitTests.Modules.Applications.Slips.SlipSamples;
using MotCua.Web.Common.Pdf;

namespace MotCua.UnitTests.Modules.Applications.Slips;

public sealed class SlipRendererTests
{
    // Margins of the slips (Decree 30/2020, annex I): left 30 mm, right 15 mm, top and bottom 20 mm.
    private const double Mm = 72 / 25.4;

    public static TheoryData<SlipKind, string> Titles() => new()
    {
        { SlipKind.Receipt, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" },
        { SlipKind.SupplementRequest, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" },
        { SlipKind.Refusal, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" },
        { SlipKind.Apology, "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" },
        { SlipKind.StopNotice, "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ" },
        { SlipKind.ProcessingControl, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" },
    };

    public static TheoryData<SlipKind> Kinds() => new(SlipKinds.All);

    [Theory]
    [MemberData(nameof(Titles))]
    public void Every_slip_is_an_a4_pdf_with_header_title_code_and_applicant(SlipKind kind, string title)
    {
        var pdf = SlipRenderer.Render(kind, Birth(kind));

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        var text = PdfText.Of(page);
        Assert.Contains("UBND TỈNH AN BÌNH", text);
        Assert.Contains("UBND PHƯỜNG AN PHÚ", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains($"An Phú, ngày {Birth(kind).IssuedAt.Day} tháng 11 năm 2026", text);
        Assert.Contains(title, text);
        Assert.Contains($"Mã hồ sơ: {Code}", text);
        Assert.Contains(Applicant, text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC), "extracted text is NFC");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_slip_has_a_qr_code_with_its_caption_on_the_first_page_only(SlipKind kind)
    {
        var data = Birth(kind) with { Documents = LongDocumentList(60), HandOffs = [.. Enumerable.Repeat(Birth(kind).HandOffs[0], 40)] };
        using var document = PdfDocument.Open(SlipRenderer.Render(kind, data));
        var first = document.GetPage(1);

        var image = Assert.Single(first.GetImages());
        Assert.True(image.BoundingBox.Left > first.Width / 2 && image.BoundingBox.Top < first.Height / 3, "QR code sits at the bottom right");
        var caption = first.GetWords().Where(w => w.Text == "Quét").ToList();
        Assert.Single(caption);
        Assert.True(caption[0].BoundingBox.Top < image.BoundingBox.Bottom, "caption under the code");
        Assert.Contains("Quét mã để tra cứu hồ sơ", PdfText.Of(first));
        Assert.All(document.GetPages().Skip(1), page => Assert.Empty(page.GetImages()));
    }

    [Fact]
    public void Without_a_tracking_url_there_is_no_qr_code()
    {
        using var document = PdfDocument.Open(SlipRenderer.Render(SlipKind.Receipt, Birth(SlipKind.Receipt) with { TrackingUrl = null }));
        Assert.Empty(document.GetPage(1).GetImages());
        Assert.DoesNotContain("Quét mã", PdfText.Of(document.GetPage(1)));
    }

    [Fact]
    public void Receipt_lists_the_documents_sets_time_limit_and_times()
    {
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.Receipt, Birth(SlipKind.Receipt)));

        Assert.Contains("TT Tên giấy tờ Bản chính Bản sao", text);
        Assert.Contains("1 Tờ khai đăng ký khai sinh theo mẫu 01", text);
        Assert.Contains("2 Giấy chứng sinh 01", text);
        Assert.Contains("3 Giấy chứng nhận kết hôn của cha, mẹ 01", text);
        Assert.Contains("Số lượng hồ sơ: 01 (bộ)", text);
        Assert.Contains("Thời hạn giải quyết hồ sơ theo quy định: 03 ngày làm việc", text);
        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24/11/2026", text);
        Assert.Contains("Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 27/11/2026", text);
        Assert.Contains("Đăng ký nhận kết quả tại: Bộ phận một cửa UBND phường An Phú", text);
        Assert.Contains("Số điện thoại: 0912 345 678; Email: nguyenvanan@example.vn", text);
        Assert.Contains("Đăng ký khai sinh (mã thủ tục: 1.001193)", text);
        Assert.Contains("NGƯỜI NỘP HỒ SƠ", text);
        Assert.Contains("NGƯỜI TIẾP NHẬN HỒ SƠ", text);
        Assert.Contains("Trần Thị Bích Ngọc", text);
    }

    [Fact]
    public void Supplement_request_lists_every_item_with_its_reason_and_the_contact()
    {
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.SupplementRequest, Birth(SlipKind.SupplementRequest)));

        Assert.Contains("1 Giấy chứng sinh (bản chính) Hồ sơ chỉ có bản chụp; khoản 1 Điều 16 Luật Hộ tịch 2014", text);
        Assert.Contains("2 Văn bản ủy quyền có chứng thực Người nộp không phải cha, mẹ của trẻ; Điều 2 Thông tư 04/2020/TT-BTP.", text);
        Assert.Contains("liên hệ với Lê Văn Hùng, số điện thoại 0263 3822 456", text);
        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24/11/2026", text);
        Assert.Contains("NGƯỜI HƯỚNG DẪN", text);
    }

    [Fact]
    public void Refusal_gives_the_legal_basis_and_the_reason()
    {
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.Refusal, Birth(SlipKind.Refusal)));

        Assert.Contains("Căn cứ quy định tại Điều 13 Luật Hộ tịch 2014, UBND PHƯỜNG AN PHÚ từ chối tiếp nhận giải quyết hồ sơ này", text);
        Assert.Contains("Trẻ đã được đăng ký khai sinh tại UBND xã Tân Lập ngày 02/10/2026; không đăng ký khai sinh lần thứ hai.", text);
        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24/11/2026", text);
    }

    [Fact]
    public void Apology_gives_the_original_due_the_reason_and_the_new_date_signed_by_the_head()
    {
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.Apology, Birth(SlipKind.Apology)));

        Assert.Contains("Kính gửi: Nguyễn Văn An", text);
        Assert.Contains("Vào lúc 09 giờ 05 phút, ngày 24/11/2026", text);
        Assert.Contains("Thời hạn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 27/11/2026", text);
        Assert.Contains("Lý do: Cần xác minh thông tin nơi cư trú của người mẹ với Công an phường.", text);
        Assert.Contains("hẹn trả kết quả giải quyết hồ sơ vào: 10 giờ 00 phút, ngày 02/12/2026", text);
        Assert.Contains("CHỦ TỊCH", text);
        Assert.Contains("Phạm Quốc Dũng", text);
        Assert.Contains("Nơi nhận:", text);
    }

    [Fact]
    public void Stop_notice_gives_the_reason_and_legal_basis()
    {
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.StopNotice, Birth(SlipKind.StopNotice)));

        Assert.Contains("Lý do dừng giải quyết: Người nộp hồ sơ có văn bản đề nghị dừng giải quyết ngày 25/11/2026.", text);
        Assert.Contains("Căn cứ pháp lý: Nghị định 118/2025/NĐ-CP", text);
        Assert.Contains("Thủ tục hành chính: Đăng ký khai sinh", text);
        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24/11/2026", text);
    }

    [Fact]
    public void Processing_control_has_one_row_per_hand_off()
    {
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.ProcessingControl, Birth(SlipKind.ProcessingControl)));

        Assert.Contains("Cơ quan, đơn vị chủ trì giải quyết: Công chức Tư pháp - Hộ tịch, UBND phường An Phú", text);
        Assert.Contains("Cơ quan, đơn vị phối hợp giải quyết: Công an phường An Phú", text);
        Assert.Contains("Thời gian hẹn trả kết quả: 16 giờ 30 phút, ngày 27/11/2026", text);
        Assert.Contains(
            "1 Bộ phận một cửa Trần Thị Bích Ngọc Tư pháp - Hộ tịch Lê Văn Hùng 09 giờ 30 phút, ngày 24/11/2026 17 giờ 00 phút, ngày 24/11/2026 Trước hạn",
            text);
        Assert.Contains(
            "2 Tư pháp - Hộ tịch Lê Văn Hùng Lãnh đạo UBND phường Phạm Quốc Dũng 14 giờ 00 phút, ngày 26/11/2026 11 giờ 00 phút, ngày 26/11/2026 Quá hạn Chờ xác minh",
            text);
        Assert.Contains("3 Lãnh đạo UBND phường Phạm Quốc Dũng Bộ phận một cửa Trần Thị Bích Ngọc 08 giờ 15 phút, ngày 27/11/2026", text);
        Assert.Contains("Đúng hạn", text);
    }

    [Fact]
    public void A_long_document_list_flows_onto_a_second_page_with_the_table_header_repeated()
    {
        var data = Birth(SlipKind.Receipt) with { Documents = LongDocumentList(45) };
        using var document = PdfDocument.Open(SlipRenderer.Render(SlipKind.Receipt, data));

        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} page(s)");
        var first = PdfText.Of(document.GetPage(1));
        var second = PdfText.Of(document.GetPage(2));
        Assert.Contains("1 Giấy chứng sinh số 1 của trẻ", first);
        Assert.Contains("TT Tên giấy tờ Bản chính Bản sao", second);
        Assert.Contains("45 Giấy chứng sinh số 45 của trẻ", string.Join(" ", document.GetPages().Skip(1).Select(PdfText.Of)));
        Assert.Contains($"Trang 2/{document.NumberOfPages}", second);
        Assert.Contains("NGƯỜI TIẾP NHẬN HỒ SƠ", PdfText.Of(document.GetPage(document.NumberOfPages)));
        var numbers = string.Join(" ", document.GetPages().Select(PdfText.Of));
        for (var i = 1; i <= 45; i++)
        {
            Assert.Contains($" {i} Giấy chứng sinh số {i} của trẻ ", numbers);
        }
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_between_pages()
    {
        var huge = string.Join("\n", Enumerable.Range(1, 90).Select(i => $"Dòng {i} của lý do"));
        var data = Birth(SlipKind.SupplementRequest) with { SupplementItems = [new("Bản vẽ", huge)] };
        using var document = PdfDocument.Open(SlipRenderer.Render(SlipKind.SupplementRequest, data));

        Assert.True(document.NumberOfPages >= 2);
        var text = string.Join(" ", document.GetPages().Select(PdfText.Of));
        Assert.Contains("Dòng 1 của lý do", text);
        Assert.Contains("Dòng 90 của lý do", text);
        AssertWithinMargins(document);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Text_stays_within_the_margins_and_nothing_overlaps(SlipKind kind)
    {
        var data = Birth(kind) with
        {
            Documents = LongDocumentList(30),
            RefusalReason = string.Concat(Enumerable.Repeat("Hồ sơ không thuộc thẩm quyền giải quyết của cấp phường theo quy định hiện hành. ", 12)),
            ApplicantAddress = "Số 1234 đường Nguyễn Thị Minh Khai, khu phố Hòa Bình Thượng, phường An Phú Đông, tỉnh An Bình",
        };
        using var document = PdfDocument.Open(SlipRenderer.Render(kind, data));

        AssertWithinMargins(document);
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            for (var i = 0; i < words.Count; i++)
            {
                for (var j = i + 1; j < words.Count; j++)
                {
                    var a = words[i].BoundingBox;
                    var b = words[j].BoundingBox;
                    var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                    var overlapY = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                    Assert.False(overlapX > 0.5 && overlapY > 0.5, $"page {page.Number}: '{words[i].Text}' overlaps '{words[j].Text}'");
                }
            }
        }
    }

    [Theory]
    [InlineData("UBND phường An Phú", "Ủy ban nhân dân phường An Phú")]
    [InlineData("HĐND tỉnh An Bình", "Hội đồng nhân dân tỉnh An Bình")]
    [InlineData("Sở Tư pháp tỉnh An Bình", "Sở Tư pháp tỉnh An Bình")]
    public void The_issuing_unit_is_written_in_full(string name, string full) => Assert.Equal(full, SlipText.InFull(name));

    [Fact]
    public void An_uploaded_document_is_listed_as_an_electronic_copy_on_the_receipt()
    {
        var data = Birth(SlipKind.Receipt) with { Documents = [new ReceivedDocument("Giấy chứng sinh", 0, 1, Electronic: true)] };
        using var document = PdfDocument.Open(SlipRenderer.Render(SlipKind.Receipt, data));
        var text = string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Giấy chứng sinh (bản điện tử)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_says_when_it_was_made_as_the_same_instant_in_utc()
    {
        var data = Birth(SlipKind.Receipt);
        using var document = PdfDocument.Open(SlipRenderer.Render(SlipKind.Receipt, data));
        // PDF dates read D:YYYYMMDDHHmmSS followed by the offset (Z or +HH'mm').
        var text = document.Information.CreationDate ?? string.Empty;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^D:(\d{14})(Z|([+-])(\d{2})'(\d{2})'?)");
        Assert.True(match.Success, text);
        var local = DateTime.ParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var offset = match.Groups[2].Value == "Z" ? TimeSpan.Zero
            : (match.Groups[3].Value == "-" ? -1 : 1) * new TimeSpan(int.Parse(match.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture), 0);
        Assert.Equal(data.IssuedAt.ToUniversalTime(), new DateTimeOffset(local, offset).ToUniversalTime());
    }

    [Fact]
    public void Text_is_real_text_in_an_embedded_serif_face_like_times_that_pdftotext_reads()
    {
        var pdf = SlipRenderer.Render(SlipKind.Receipt, Birth(SlipKind.Receipt));
        using (var document = PdfDocument.Open(pdf))
        {
            var letters = document.GetPage(1).Letters;
            Assert.NotEmpty(letters);
            Assert.All(letters, letter => Assert.Contains("LiberationSerif", letter.FontName, StringComparison.Ordinal));
            Assert.Contains(letters, letter => letter.FontName != null && letter.FontName.EndsWith("LiberationSerif-Bold", StringComparison.Ordinal));
            Assert.Contains(letters, letter => letter.FontName != null && letter.FontName.EndsWith("LiberationSerif-Italic", StringComparison.Ordinal));
        }

        // Only the glyphs used are embedded: a slip is small.
        Assert.True(pdf.Length < 250_000, $"{pdf.Length} bytes");

        var path = Path.Combine(Path.GetTempPath(), $"slip-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text);
            Assert.Contains("Tiếp nhận hồ sơ của: Nguyễn Văn An", text);
            Assert.Contains("Giấy chứng sinh", text);
            Assert.Contains("09 giờ 05 phút, ngày 24/11/2026", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Decomposed_input_comes_out_composed()
    {
        var data = Birth(SlipKind.Receipt) with { ApplicantName = Applicant.Normalize(NormalizationForm.FormD) };
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.Receipt, data));
        Assert.Contains("Tiếp nhận hồ sơ của: Nguyễn Văn An", text);
    }

    [Fact]
    public void Missing_values_print_as_dotted_blanks()
    {
        var data = Birth(SlipKind.Receipt) with { ApplicantEmail = null, ResultCollection = null };
        var text = PdfText.Of(SlipRenderer.Render(SlipKind.Receipt, data));
        Assert.Contains($"Email: {SlipText.Blank}", text);
        Assert.Contains($"Đăng ký nhận kết quả tại: {SlipText.Blank}", text);
    }

    [Fact]
    public void Slips_render_in_parallel()
    {
        var results = new byte[16][];
        Parallel.For(0, results.Length, i =>
        {
            var kind = SlipKinds.All[i % SlipKinds.All.Count];
            results[i] = SlipRenderer.Render(kind, Birth(kind));
        });

        Assert.All(results, pdf => Assert.Contains(Applicant, PdfText.Of(pdf)));
    }

    private static List<ReceivedDocument> LongDocumentList(int count) =>
        Enumerable.Range(1, count).Select(i => new ReceivedDocument($"Giấy chứng sinh số {i} của trẻ", 1, i % 3)).ToList();

    private static void AssertWithinMargins(PdfDocument document)
    {
        foreach (var page in document.GetPages())
        {
            foreach (Letter letter in page.Letters)
            {
                var box = letter.BoundingBox;
                if (letter.Value == " ")
                {
                    continue;
                }

                Assert.True(box.Left >= (30 * Mm) - 0.5 && box.Right <= page.Width - (15 * Mm) + 0.5, $"page {page.Number}: '{letter.Value}' at x {box.Left:0.0}-{box.Right:0.0}");
                // Stacked marks on capitals (Ế, Ỗ) rise a little above the font's ascent: 2 pt of slack at the top.
                Assert.True(box.Bottom >= 5 * Mm && box.Top <= page.Height - (20 * Mm) + 2, $"page {page.Number}: '{letter.Value}' at y {box.Bottom:0.0}-{box.Top:0.0}");
            }
        }
    }
}
