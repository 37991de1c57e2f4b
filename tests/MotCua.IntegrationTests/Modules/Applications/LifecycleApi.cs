using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Applications;

/// <summary>Small helpers over the lifecycle API, so tests read as the path people walk.</summary>
internal static class LifecycleApi
{
    public const string Birth = "1.001193";
    public const string BirthDeclaration = "Tờ khai đăng ký khai sinh theo mẫu (kê khai trực tuyến hoặc bản giấy)";
    public const string BirthCertificate = "Giấy chứng sinh do cơ sở y tế cấp";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public static object BirthForm(string child = "Nguyễn Minh Khôi") => new
    {
        hoTenTre = child,
        ngaySinhTre = "2026-11-20",
        gioiTinhTre = "Nam",
        noiSinh = "Trạm Y tế phường An Phú, tỉnh An Bình",
        danToc = "Kinh",
        hoTenMe = "Trần Thị Bình",
        soDinhDanhMe = "001190000002",
        quanHeVoiTre = "Mẹ",
        soDienThoai = "0912000002",
    };

    public static async Task<int> WardIdAsync(MotCuaApp app)
    {
        var me = await (await app.ApiClientFor("reception1")).GetJsonAsync("/api/v1/me");
        return me.GetProperty("unitId").GetInt32();
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<string> SubmitBirthAsync(MotCuaApp app, HttpClient citizen, string? child = null)
    {
        using var response = await SubmitAsync(citizen, new { procedureCode = Birth, unitId = await WardIdAsync(app), form = BirthForm(child ?? "Nguyễn Minh Khôi") });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("code").GetString()!;
    }

    /// <summary>An application taken at the ward's desk by reception1 (channel Counter or Postal), received at once.</summary>
    public static async Task<string> SubmitAtDeskAsync(MotCuaApp app, string channel, string child)
    {
        var reception = await app.ApiClientFor("reception1");
        using var response = await SubmitAsync(reception, new
        {
            procedureCode = Birth,
            unitId = await WardIdAsync(app),
            channel,
            form = BirthForm(child),
            applicant = new { name = "Trần Văn Bình", identityNumber = "001080000123", phone = "0988000123", address = "Số 3 đường Lê Lợi, phường An Phú" },
        });
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        var code = body.GetProperty("code").GetString()!;
        if (body.GetProperty("status").GetString() == "Submitted")
        {
            await ActOkAsync(reception, code, new { action = "receive" });
        }

        return code;
    }

    public static async Task<HttpResponseMessage> AttachAsync(HttpClient client, string code, string name, byte[] content, string fileName = "giay-to.pdf", string kind = "Input")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync(new Uri($"/api/v1/applications/{code}/attachments", UriKind.Relative), form);
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, string code, object body) =>
        await client.PostAsJsonAsync($"/api/v1/applications/{code}/transitions", body);

    public static async Task<JsonElement> ActOkAsync(HttpClient client, string code, object body)
    {
        using var response = await ActAsync(client, code, body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{JsonSerializer.Serialize(body)} → {response.StatusCode}: {json}");
        return json;
    }
}
