using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Simulators.NationalData;
using MotCua.Simulators.NationalPortal;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.National.DataPlatform;

/// <summary>
/// The adapter to the national data-sharing platform: one signed GET per database and number (docs/national-integration.md,
/// "National data instead of paper"), read into the name the record gives and a line an officer reads. A platform that
/// is down or answers badly is "not reached": the document is then asked for as usual, and nothing fails.
/// </summary>
public sealed class NationalDataClient(IHttpClientFactory http, IOptions<NationalDataOptions> options, IOptions<PortalOptions> portal, TimeProvider time) : INationalDataPlatform
{
    public const string HttpClientName = "national-data";

    public async Task<NationalDataAnswer> LookUpAsync(NationalDatabaseKind database, string number, CancellationToken cancellationToken)
    {
        var segment = database switch
        {
            NationalDatabaseKind.Population => "dan-cu",
            NationalDatabaseKind.CivilStatus => "ho-tich",
            NationalDatabaseKind.Business => "doanh-nghiep",
            NationalDatabaseKind.Land => "dat-dai",
            _ => null,
        };
        if (segment is null)
        {
            return NationalDataAnswer.Unreached("cơ sở dữ liệu này chưa tra cứu được qua nền tảng.");
        }

        var o = options.Value;
        var address = PortalOptions.Address(portal.Value.BaseUri, o.BaseUrl!);
        var root = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        using var request = NationalPortalProtocol.Signed(HttpMethod.Get, new Uri(root, NationalDataProtocol.PathOf(segment, number).TrimStart('/')),
            NationalDataProtocol.Signed(segment, number), o.ClientId!, o.Secret!, time.GetUtcNow());
        request.Content = null; // a GET carries no body: the signature covers "database/number" instead
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new NationalDataAnswer(true, false, null, null, new Dictionary<string, string>(), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return NationalDataAnswer.Unreached(string.Create(CultureInfo.InvariantCulture, $"nền tảng trả lời {(int)response.StatusCode}."));
            }

            using var json = JsonDocument.Parse(body);
            var fields = json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            return new NationalDataAnswer(true, true, NameOf(database, fields), Summary(database, fields), fields, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return NationalDataAnswer.Unreached("không kết nối được nền tảng chia sẻ dữ liệu.");
        }
    }

    private static string? NameOf(NationalDatabaseKind database, IReadOnlyDictionary<string, string> f) =>
        database == NationalDatabaseKind.Business ? f.GetValueOrDefault("tenDoanhNghiep") : f.GetValueOrDefault("hoVaTen");

    /// <summary>What the officer reads: who the record is about and the facts that replace the paper.</summary>
    private static string Summary(NationalDatabaseKind database, IReadOnlyDictionary<string, string> f)
    {
        string? Date(string key) => DateOnly.TryParseExact(f.GetValueOrDefault(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : f.GetValueOrDefault(key);
        var parts = database switch
        {
            NationalDatabaseKind.Population => new[] { f.GetValueOrDefault("hoVaTen"), $"số định danh {f.GetValueOrDefault("soDinhDanh")}", Date("ngaySinh") is { } born ? "sinh " + born : null,
                f.GetValueOrDefault("noiThuongTru") is { } home ? "thường trú " + home : null },
            NationalDatabaseKind.Business => [f.GetValueOrDefault("tenDoanhNghiep"), $"mã số {f.GetValueOrDefault("maSoDoanhNghiep")}", f.GetValueOrDefault("diaChiTruSo") is { } seat ? "trụ sở " + seat : null],
            _ => [.. f.Values],
        };
        return string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
