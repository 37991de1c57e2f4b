using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Simulators.NationalPortal;

namespace MotCua.Simulators.NationalData;

/// <summary>
/// The national data-sharing platform (NDXP) as a province system asks it, for the embedded default and the tests: one
/// signed GET per database and number (docs/national-integration.md, "National data instead of paper"), answered from
/// the records it holds — the demo province's people and business to begin with, more as a test adds them. It checks
/// each request as the portal does (client, time, nonce, HMAC over "timestamp\nnonce\n" and "database/number") and can be told
/// to fail the next requests.
/// </summary>
public sealed class NationalDataSimulator
{
    /// <summary>The databases by their path segment: dân cư, hộ tịch, doanh nghiệp, đất đai.</summary>
    public static readonly IReadOnlyList<string> Databases = ["dan-cu", "ho-tich", "doanh-nghiep", "dat-dai"];

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Database, string Number), JsonObject> _records = new();
    private readonly SignedReceiver _receiver;
    private int _failNext;
    private int _lookups;

    public NationalDataSimulator(string clientId, string secret, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _receiver = new SignedReceiver(clientId, secret);
        AddPerson("001090000001", "Nguyễn Văn An", "1990-03-15", "Nam", "Số 1 đường Trần Phú, phường An Phú, tỉnh An Bình");
        AddPerson("001190000002", "Trần Thị Bình", "1990-07-02", "Nữ", "Số 8 đường Lê Lợi, phường An Phú, tỉnh An Bình");
        AddPerson("001085000777", "Lê Văn Cường", "1985-11-20", "Nam", "Thôn Đông, xã An Lạc, tỉnh An Bình");
        Add("doanh-nghiep", "0109000001", new JsonObject
        {
            ["maSoDoanhNghiep"] = "0109000001",
            ["tenDoanhNghiep"] = "Công ty TNHH Thương mại An Bình Xanh",
            ["diaChiTruSo"] = "Số 20 đường Hùng Vương, phường An Phú, tỉnh An Bình",
            ["nguoiDaiDien"] = "Nguyễn Văn An",
            ["ngayDangKy"] = "2019-05-10",
        });
    }

    /// <summary>How many lookups it answered (found or not).</summary>
    public int Lookups => _lookups;

    /// <summary>A person in the population database, with their civil-status record (birth) in the civil-status database.</summary>
    public void AddPerson(string identityNumber, string fullName, string birthDate, string gender, string address)
    {
        Add("dan-cu", identityNumber, new JsonObject
        {
            ["soDinhDanh"] = identityNumber,
            ["hoVaTen"] = fullName,
            ["ngaySinh"] = birthDate,
            ["gioiTinh"] = gender,
            ["danToc"] = "Kinh",
            ["quocTich"] = "Việt Nam",
            ["noiThuongTru"] = address,
            ["noiOHienTai"] = address,
        });
        Add("ho-tich", identityNumber, new JsonObject
        {
            ["soDinhDanh"] = identityNumber,
            ["hoVaTen"] = fullName,
            ["tinhTrangHonNhan"] = "Đã đăng ký kết hôn",
        });
    }

    public void Add(string database, string number, JsonObject record) => _records[(database, number)] = record;

    /// <summary>The next <paramref name="count"/> requests are answered 503, as when the platform is down (0: it is up again).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public void Map(IEndpointRouteBuilder routes, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(prefix + NationalDataProtocol.LookupPath + "/{database}/{number}", (string database, string number, HttpRequest request) => Answer(database, number, request))
            .ExcludeFromDescription();
    }

    private IResult Answer(string database, string number, HttpRequest request)
    {
        if (_receiver.Refusal(request.Headers, NationalDataProtocol.Signed(database, number), _time.GetUtcNow()) is { } refused)
        {
            return Results.Json(new { error = refused }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return Results.Json(new { error = "Nền tảng chia sẻ dữ liệu đang bảo trì." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Exchange(ref _failNext, 0);
        Interlocked.Increment(ref _lookups);
        if (!Databases.Contains(database))
        {
            return Results.Json(new { error = $"Không có cơ sở dữ liệu “{database}”." }, statusCode: StatusCodes.Status404NotFound);
        }

        return _records.TryGetValue((database, number), out var record)
            ? Results.Json(record)
            : Results.Json(new { error = "Không tìm thấy thông tin." }, statusCode: StatusCodes.Status404NotFound);
    }
}

/// <summary>The data platform's wire protocol: a signed GET per database and number; the signature covers "database/number" in place of a body.</summary>
public static class NationalDataProtocol
{
    /// <summary>GET {base}/api/v1/tra-cuu/{database}/{number}.</summary>
    public const string LookupPath = "/api/v1/tra-cuu";

    /// <summary>What the signature covers in place of a body.</summary>
    public static string Signed(string database, string number) => $"{database}/{number}";

    public static string PathOf(string database, string number) => $"{LookupPath}/{Uri.EscapeDataString(database)}/{Uri.EscapeDataString(number)}";
}
