using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// A person who picked English meets no Vietnamese but the catalog's and the applicants' own data, which the page marks
/// lang="vi": every text and every label a screen reader reads (placeholder, aria-label, title, alt) on every page type
/// of the citizen's, the officer's and the province admin's path, including the e-form with its errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishPagesTests(BrowserApp app)
{
    /// <summary>The texts on the page that are Vietnamese (letters only Vietnamese uses) and not inside lang="vi".</summary>
    private const string Untranslated = """
        () => {
          const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
          const inVietnamese = el => (el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('vi');
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const text = node.textContent.trim();
            const parent = node.parentElement;
            if (!text || !vietnamese.test(text) || parent.closest('script,style,template') || inVietnamese(parent)) continue;
            found.push(text.replace(/\s+/g, ' ').slice(0, 120));
          }
          for (const el of document.body.querySelectorAll('[placeholder],[aria-label],[title],[alt]')) {
            for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
              const value = el.getAttribute(name);
              if (value && vietnamese.test(value) && !inVietnamese(el)) found.push(`${name}="${value}"`);
            }
          }
          return [...new Set(found)];
        }
        """;

    [Fact]
    public async Task Every_page_type_reads_in_english_but_for_the_vietnamese_data_it_marks()
    {
        var leftovers = new List<string>();
        var page = await app.NewPageAsync();
        async Task Check(string name)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            leftovers.AddRange((await page.EvaluateAsync<string[]>(Untranslated)).Select(t => $"{name} ({new Uri(page.Url).PathAndQuery}): {t}"));
        }

        async Task Visit(string path, string name)
        {
            await page.GotoAsync(path);
            await Check(name);
        }

        async Task English() => await page.GotoAsync("/?culture=en");

        // Signed out.
        await Visit("/?culture=en", "home");
        await Visit("/thu-tuc?q=khai+sinh", "search");
        await Visit("/thu-tuc/1.001193", "procedure");
        await Visit("/dang-ky", "registration");
        await Visit("/dang-ky/doanh-nghiep", "business registration");
        await Visit("/dang-nhap", "sign-in");
        await Visit("/quen-mat-khau", "forgotten password");
        await Visit("/tra-cuu", "tracking");
        await Visit("/khong-co-trang-nay", "page not found");

        // The citizen: the e-form, the same with a mistake, check answers, confirmation, their applications.
        await new LoginPage(page).SignInAsync("citizen1", "MotCua@2026");
        await English();
        await Visit("/nop-ho-so/1.001193", "e-form");
        var form = new SubmissionPage(page);
        await form.FillAsync("soDienThoai", "09123");
        await page.Locator("main .button-row button[type=submit]").First.ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Check("e-form with errors");
        await form.ChooseUnitAsync("UBND phường An Phú");
        await form.FillAsync("hoTenTre", "Lê Minh Anh");
        await form.FillAsync("ngaySinhTre", "21/11/2026");
        await Pick("gioiTinhTre", "Nữ");
        await form.FillAsync("noiSinh", "Trạm Y tế phường An Phú, tỉnh An Bình");
        await form.FillAsync("danToc", "Kinh");
        await form.FillAsync("hoTenMe", "Trần Thị Bình");
        await Pick("quanHeVoiTre", "Mẹ");
        await form.FillAsync("soDinhDanhMe", "001190000778");
        await form.FillAsync("soDienThoai", "0912345779");
        await form.AttachAsync(1, "giay-chung-sinh.pdf");
        await page.Locator("main .button-row button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync("**/kiem-tra");
        await Check("check answers");
        await page.Locator("main .button-row button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/ho-so/[^/?]+\?moi=1"));
        await Check("confirmation");
        var code = (await page.Locator(".application-code").First.InnerTextAsync()).Trim();
        await Visit("/ho-so", "my applications");
        await Visit($"/ho-so/{code}", "application");
        await Visit($"/ho-so/{code}/rut-ho-so", "withdrawal");
        await Visit($"/tra-cuu?code={code}", "tracking result");
        await Visit("/tai-khoan", "account");
        await Visit("/tai-khoan/doi-mat-khau", "change password");
        await Visit("/tai-khoan/nhan-thong-bao", "notification channels");
        await Visit("/thong-bao", "notifications");

        // The officer.
        await page.Context.ClearCookiesAsync();
        await new LoginPage(page).SignInAsync("reception1", "MotCua@2026");
        await English();
        await Visit("/can-bo/ho-so", "inbox");
        await Visit($"/can-bo/ho-so/{code}", "officer's application");
        await Visit("/can-bo/ho-so/moi", "counter intake");
        await Visit("/can-bo/chi-so", "indicators");
        await Visit("/can-bo/chi-so-766", "Decision 766 index");
        await Visit("/can-bo/chi-so/ho-so?set=applications.received", "applications behind a figure");
        await Visit("/can-bo/bao-cao-giai-quyet", "handling report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Export Excel in the background" }).ClickAsync();
        await page.WaitForURLAsync("**/can-bo/xuat-bao-cao/**");
        await Check("export job");

        // The province admin.
        await page.Context.ClearCookiesAsync();
        await new LoginPage(page).SignInAsync("admin", "MotCua@2026");
        await English();
        foreach (var (path, name) in new[]
        {
            ("/quan-tri/danh-muc", "catalog"),
            ("/quan-tri/danh-muc/1.001193", "procedure editing"),
            ("/quan-tri/danh-muc/1.001193/quy-trinh", "workflow"),
            ("/quan-tri/danh-muc/1.001193/bieu-mau", "form builder"),
            ("/quan-tri/don-vi", "unit tree"),
            ("/quan-tri/can-bo", "officers"),
            ("/quan-tri/lich-lam-viec", "calendar"),
            ("/quan-tri/tu-dong-nghia", "synonyms"),
            ("/quan-tri/du-lieu-quoc-gia", "documents replaced by national data"),
            ("/quan-tri/chat-luong-danh-muc", "catalog quality"),
            ("/quan-tri/nhat-ky", "audit log"),
            ("/quan-tri/mau-thong-bao", "notification templates"),
            ("/quan-tri/hang-doi", "outbox"),
            ("/quan-tri/tin-nhan", "message log"),
            ("/quan-tri/tai-khoan-thu-phi", "units' accounts for fees"),
            ("/quan-tri/nhap-ho-so", "import of applications"),
        })
        {
            await Visit(path, name);
        }

        await Visit("/quan-tri/don-vi", "unit tree");
        await page.Locator("main a[href^='/quan-tri/don-vi/']").First.ClickAsync();
        await Check("unit editing");
        await Visit("/quan-tri/tai-khoan-thu-phi", "units' accounts for fees");
        await page.Locator("main a[href^='/quan-tri/tai-khoan-thu-phi/']").Last.ClickAsync();
        await Check("a unit's account for fees");
        await Visit("/quan-tri/mau-thong-bao", "notification templates");
        await page.Locator("main a[href^='/quan-tri/mau-thong-bao/']").First.ClickAsync();
        await Check("notification template editing");

        Assert.True(leftovers.Count == 0, $"{leftovers.Count} Vietnamese texts left on English pages:\n" + string.Join('\n', leftovers));

        async Task Pick(string key, string value)
        {
            var field = page.Locator($"#form_{key}");
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(value);
            }
            else
            {
                await field.Locator($"input[value='{value}']").CheckAsync();
            }
        }
    }
}
