using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Fills and sends the server-rendered forms as a browser would, anti-forgery token included.</summary>
public sealed partial class PageClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the page, takes its anti-forgery token and posts the fields to it (or to <paramref name="postTo"/>, a handler of it).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IDictionary<string, string> fields, string? postTo = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(path) };
        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(new Uri(postTo ?? path, UriKind.Relative), content);
    }

    /// <summary>Like <see cref="SubmitAsync"/>, as multipart/form-data with one file, the way a browser sends a form with an upload.</summary>
    public async Task<HttpResponseMessage> SubmitWithFileAsync(
        string path, IDictionary<string, string> fields, string fileField, string fileName, byte[] file, string contentType, string? postTo = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(await TokenAsync(path)), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(part, fileField, fileName);
        return await http.PostAsync(new Uri(postTo ?? path, UriKind.Relative), content);
    }

    /// <summary>Signs in through /dang-nhap with the cookie, as a person would.</summary>
    public async Task SignInAsync(string userName, string password = MotCuaApp.DemoPassword)
    {
        using var response = await SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}.");
        }
    }

    private async Task<string> TokenAsync(string path)
    {
        var (_, html) = await GetAsync(path);
        var token = TokenField().Match(html);
        return token.Success
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery token on {path}.");
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
