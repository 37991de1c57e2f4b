using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// A browser whose cookies the test can see and copy: what an attacker who stole a cookie would replay. Forms are sent
/// with their anti-forgery token, as <see cref="PageClient"/> does.
/// </summary>
public sealed partial class CookieJar(HttpClient http) : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public static CookieJar For(MotCuaApp app) =>
        new(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public void Set(string name, string value) => _cookies[name] = value;

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string path, IDictionary<string, string> fields, string? postTo = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var page = await GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : string.Empty };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(postTo ?? path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        return await SendAsync(request);
    }

    public async Task SignInAsync(string userName, string password = MotCuaApp.DemoPassword)
    {
        using var response = await SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName}: {response.StatusCode}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..at], pair[(at + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
