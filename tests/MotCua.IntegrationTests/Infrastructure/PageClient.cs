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

    /// <summary>Opens the page, takes its anti-forgery token and posts the fields to it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (_, html) = await GetAsync(path);
        var token = TokenField().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on {path}.");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
