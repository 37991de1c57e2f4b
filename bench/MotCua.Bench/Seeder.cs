using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MotCua.Web.Modules.Catalog.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Bench;

/// <summary>What the scenarios need to know about the seeded data.</summary>
/// <param name="ApplicationLoad">How long the applications and their events took: binary COPY, indexes rebuilt, vacuumed (the import's ceiling).</param>
internal sealed record SeededData(int AnPhuUnitId, string AnPhuPath, int CitizenCount, long Applications, long Events, int Procedures, TimeSpan ApplicationLoad);

/// <summary>
/// Synthetic but realistic data, by bulk SQL after MotCua has migrated and seeded the demo province: a 3-level and a
/// 2-level province, 5,000 procedures named after real ones, 20,000 citizens, and the historical applications with
/// their full history (binary COPY, secondary indexes rebuilt after the load).
/// </summary>
internal sealed class Seeder(NpgsqlDataSource db, long applications)
{
    public const int ProcedureCount = 5000;
    public const int CitizenCount = 20_000;
    public const double AnPhuShare = 0.40;
    public const int Days = 730;

    /// <summary>The demo ward of reception1 (DemoAccounts.OfficerUnitCode).</summary>
    public const string AnPhuCode = "000.01.00.H99";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<UnitRow> _units = [];
    private readonly List<Target> _targets = [];
    private Citizen[] _citizens = [];
    private Officers _anPhuOfficers = null!;
    private Target _anPhu = null!;

    public async Task<SeededData> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await ReadDemoAsync(cancellationToken);
        await InsertUnitsAsync(cancellationToken);
        var procedures = await InsertProceduresAsync(cancellationToken);
        Log.Step($"  {_units.Count} units in a 3-level and a 2-level province, {procedures} procedures ({watch.Elapsed.TotalSeconds:0} s)");
        await InsertCitizensAsync(cancellationToken);
        Log.Step($"  {CitizenCount:N0} citizens ({watch.Elapsed.TotalSeconds:0} s)");
        var load = Stopwatch.StartNew();
        var events = await InsertApplicationsAsync(cancellationToken);
        load.Stop();
        Log.Step($"  {applications:N0} applications with {events:N0} events, indexes rebuilt, vacuumed ({watch.Elapsed.TotalSeconds:0} s)");
        return new SeededData(_anPhu.UnitId, _anPhu.Path, CitizenCount, applications, events, procedures, load.Elapsed);
    }

    // ------------------------------------------------------------------ demo facts

    private string _passwordHash = string.Empty;
    private Guid _citizenRole;

    private async Task ReadDemoAsync(CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        (int Id, string Path) anPhu = default;
        await using (var cmd = new NpgsqlCommand("""SELECT "Id", "Path" FROM units WHERE "Code" = @c""", c))
        {
            cmd.Parameters.AddWithValue("c", AnPhuCode);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                throw new BenchException("the demo province is missing (Seed__Demo=true should have seeded it).");
            }

            anPhu = (r.GetInt32(0), r.GetString(1));
        }

        var officers = new Dictionary<string, (Guid Id, string Name)>();
        await using (var cmd = new NpgsqlCommand("""SELECT "UserName", "Id", "FullName", "PasswordHash" FROM "AspNetUsers" WHERE "UserName" IN ('reception1','specialist1','leader1','citizen1')""", c))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                officers[r.GetString(0)] = (r.GetGuid(1), r.GetString(2));
                if (r.GetString(0) == "citizen1")
                {
                    _passwordHash = r.GetString(3);
                }
            }
        }

        _anPhuOfficers = new Officers(officers["reception1"].Id, officers["reception1"].Name, officers["specialist1"].Id, officers["specialist1"].Name,
            officers["leader1"].Id, officers["leader1"].Name);
        await using (var cmd = new NpgsqlCommand("""SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Citizen'""", c))
        {
            _citizenRole = (Guid)(await cmd.ExecuteScalarAsync(ct))!;
        }

        // The ward's own procedures, as the demo catalog defines them (three steps, all in the ward).
        var procs = new List<Proc>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT p."Id", p."Code", p."Name", p."ProcessingValue", p."ProcessingUnit", p."Workflow"::text
            FROM procedures p JOIN procedure_units pu ON pu."ProcedureId" = p."Id"
            WHERE pu."UnitId" = @u AND jsonb_array_length(p."Workflow") = 3
              AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p."Workflow") s WHERE s->>'UnitCode' IS NOT NULL)
            ORDER BY p."Id"
            """, c))
        {
            cmd.Parameters.AddWithValue("u", anPhu.Id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                using var steps = JsonDocument.Parse(r.GetString(5));
                procs.Add(new Proc(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetString(4),
                    steps.RootElement.EnumerateArray().Select(s => s.GetProperty("Name").GetString()!).ToArray()));
            }
        }

        if (procs.Count == 0)
        {
            throw new BenchException("the demo ward has no procedure to apply for.");
        }

        _anPhu = new Target(anPhu.Id, AnPhuCode, anPhu.Path, "phường An Phú, tỉnh An Bình", [.. procs], _anPhuOfficers);
    }

    // ------------------------------------------------------------------ units

    private sealed record UnitRow(string Code, string Name, string Kind, string Level, string? Parent, string Place)
    {
        public int Id { get; set; }
        public string Path { get; set; } = string.Empty;
    }

    private async Task InsertUnitsAsync(CancellationToken ct)
    {
        // 3 levels (tỉnh, huyện, xã) as the seeds describe; 2 levels (tỉnh, xã) as Vietnam runs since 07/2025.
        Province("H98", "Bắc Hà", districts: SyntheticNames.Districts.Length, communesEach: 15, twoLevel: false);
        Province("H97", "Nam Sơn", districts: 0, communesEach: 99, twoLevel: true);

        await using var c = await db.OpenConnectionAsync(ct);
        var byCode = new Dictionary<string, UnitRow>(StringComparer.Ordinal);
        foreach (var u in _units)
        {
            var parent = u.Parent is null ? null : byCode[u.Parent];
            u.Path = (parent?.Path ?? "/") + u.Code + "/"; // as Unit's constructor builds it
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO units ("Code", "Name", "Kind", "LevelCode", "ParentId", "Path", "Address", "Phone", "Email")
                VALUES (@code, @name, @kind, @level, @parent, @path, @address, @phone, @email) RETURNING "Id"
                """, c);
            var h = SyntheticNames.Hash((ulong)u.Code.GetHashCode(StringComparison.Ordinal));
            cmd.Parameters.AddWithValue("code", u.Code);
            cmd.Parameters.AddWithValue("name", u.Name);
            cmd.Parameters.AddWithValue("kind", u.Kind);
            cmd.Parameters.AddWithValue("level", u.Level);
            cmd.Parameters.AddWithValue("parent", parent is null ? DBNull.Value : parent.Id);
            cmd.Parameters.AddWithValue("path", u.Path);
            cmd.Parameters.AddWithValue("address", SyntheticNames.Address(h, u.Place));
            cmd.Parameters.AddWithValue("phone", $"0{200 + (int)(h % 90)} 38{h / 7 % 100000:00000}");
            cmd.Parameters.AddWithValue("email", $"u{u.Code.Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}@example.gov.vn");
            u.Id = (int)(await cmd.ExecuteScalarAsync(ct))!;
            byCode[u.Code] = u;
        }
    }

    private void Province(string suffix, string name, int districts, int communesEach, bool twoLevel)
    {
        var province = $"tỉnh {name}";
        var root = $"000.00.00.{suffix}";
        _units.Add(new UnitRow(root, $"Ủy ban nhân dân tỉnh {name}", "PeopleCommittee", "province", null, province));
        _units.Add(new UnitRow($"000.00.01.{suffix}", $"Trung tâm Phục vụ hành chính công tỉnh {name}", "ServiceCentre", "province", root, province));
        for (var d = 0; d < SyntheticNames.Departments.Length; d++)
        {
            _units.Add(new UnitRow($"000.00.{d + 2:00}.{suffix}", $"{SyntheticNames.Departments[d]} tỉnh {name}", "Department", "province", root, province));
        }

        var place = 0;
        if (twoLevel)
        {
            for (var k = 1; k <= communesEach; k++, place++)
            {
                var p = SyntheticNames.Place(place + 200);
                var ward = k % 4 == 1;
                _units.Add(new UnitRow($"000.{k:00}.00.{suffix}", $"UBND {(ward ? "phường" : "xã")} {p}", "Commune", "commune", root, $"{(ward ? "phường" : "xã")} {p}, {province}"));
            }

            return;
        }

        for (var d = 0; d < districts; d++)
        {
            var district = SyntheticNames.Districts[d];
            var dc = $"000.00.{21 + d}.{suffix}";
            _units.Add(new UnitRow(dc, $"UBND huyện {district}", "District", "district", root, $"huyện {district}, {province}"));
            for (var o = 0; o < SyntheticNames.DistrictOffices.Length; o++)
            {
                _units.Add(new UnitRow($"000.{o + 1:00}.{21 + d}.{suffix}", $"{SyntheticNames.DistrictOffices[o]} huyện {district}", "Office", "district", dc, $"huyện {district}, {province}"));
            }

            for (var k = 0; k < communesEach; k++, place++)
            {
                var p = SyntheticNames.Place(place);
                var kind = k == 0 ? "thị trấn" : "xã";
                _units.Add(new UnitRow($"000.{21 + k}.{21 + d}.{suffix}", $"UBND {kind} {p}", "Commune", "commune", dc, $"{kind} {p}, huyện {district}, {province}"));
            }
        }
    }

    // ------------------------------------------------------------------ procedures

    private sealed record Proc(int Id, string Code, string Name, decimal LimitValue, string LimitUnit, string[] StepNames);

    private sealed record Officers(Guid? ReceptionId, string Reception, Guid? SpecialistId, string Specialist, Guid? LeaderId, string Leader);

    private sealed record Target(int UnitId, string Code, string Path, string Place, Proc[] Procedures, Officers Officers);

    private const string GenericSchema = """
        {"type":"object","required":["hoTen","soDinhDanh","soDienThoai","noiDung"],"properties":{"hoTen":{"type":"string","title":"Họ, chữ đệm và tên người nộp","maxLength":100},"soDinhDanh":{"type":"string","title":"Số định danh cá nhân","description":"Nhập số định danh cá nhân gồm 12 chữ số.","pattern":"^[0-9]{12}$"},"soDienThoai":{"type":"string","title":"Số điện thoại liên hệ","pattern":"^0[0-9]{9}$"},"diaChi":{"type":"string","title":"Địa chỉ liên hệ","maxLength":250},"noiDung":{"type":"string","title":"Nội dung đề nghị","maxLength":2000}}}
        """;

    private const string GenericUi = """{"order":["hoTen","soDinhDanh","soDienThoai","diaChi","noiDung"],"widgets":{"noiDung":"textarea","soDienThoai":"tel"}}""";

    private static readonly string[] StepNames = ["Tiếp nhận, kiểm tra hồ sơ", "Thẩm định hồ sơ", "Phê duyệt, ký kết quả"];

    private async Task<int> InsertProceduresAsync(CancellationToken ct)
    {
        var real = SyntheticNames.RealProcedures();
        await using var c = await db.OpenConnectionAsync(ct);
        int nextId;
        await using (var cmd = new NpgsqlCommand("""SELECT COALESCE(MAX("Id"), 0) + 1 FROM procedures""", c))
        {
            nextId = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }

        var provinces = new[] { "H98", "H97" };
        var workflow = JsonSerializer.Serialize(StepNames.Select((n, i) => new { Name = n, Role = i switch { 0 => "Reception", 1 => "Specialist", _ => "Leader" }, Share = i switch { 0 => 0.1m, 1 => 0.6m, _ => 0.3m }, UnitCode = (string?)null }), Json);
        var links = new List<(int Procedure, int Unit)>();
        var procsByUnit = new Dictionary<int, List<Proc>>();
        await using (var importer = await c.BeginBinaryImportAsync("""
            COPY procedures ("Id", "Code", "NationalCode", "Name", "Field", "LevelCode", "ApplicantTypes", "LegalBasis", "Conditions",
              "ResultType", "OnlineLevel", "OnlineOnly", "PostalAllowed", "FormSchema", "FormUi", "SearchText", "ProcessingUnit", "ProcessingValue",
              "Documents", "Fees", "Workflow") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < ProcedureCount; i++)
            {
                var (national, baseName) = real[i % real.Count];
                var variant = SyntheticNames.Variants[i / real.Count % SyntheticNames.Variants.Length];
                var name = (baseName.Length + variant.Length > 600 ? baseName[..(600 - variant.Length)].TrimEnd() : baseName) + variant;
                var h = SyntheticNames.Hash((ulong)i + 77);
                var suffix = provinces[i % 2];
                var twoLevel = suffix == "H97";
                var (field, department) = SyntheticNames.FieldOf(baseName);
                var levelRoll = h % 100;
                var level = levelRoll < 55 ? "province" : levelRoll < 70 && !twoLevel ? "district" : "commune";
                var code = $"{(twoLevel ? "NS" : "BH")}-{i / 2 + 1:00000}";
                var online = ((h >> 8) % 10) switch { < 3 => "Info", < 7 => "Partial", _ => "Full" };
                var (limitValue, limitUnit) = level switch
                {
                    "province" => (5m + (h >> 12) % 16, "WorkingDays"),
                    "district" => (3m + (h >> 12) % 13, "WorkingDays"),
                    _ => (h >> 12) % 4 == 0 ? (8m, "WorkingHours") : (1m + (h >> 12) % 5, "WorkingDays"),
                };
                var business = (h >> 20) % 3 == 0;
                var id = nextId + i;
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(id, NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(code, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(national, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(name, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(field, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(level, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(business ? new[] { "Citizen", "Business" } : ["Citizen"], NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await importer.WriteAsync(new[] { "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", $"Nghị định số {100 + (int)(h % 80)}/2025/NĐ-CP" }, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await importer.WriteNullAsync(ct);
                await importer.WriteAsync("Văn bản giải quyết thủ tục hành chính", NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(online, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                if (online == "Info")
                {
                    await importer.WriteNullAsync(ct);
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(GenericSchema.Trim(), NpgsqlDbType.Text, ct);
                    await importer.WriteAsync(GenericUi, NpgsqlDbType.Text, ct);
                }

                // Exactly what Procedure.RefreshSearchText stores.
                var search = string.Join(' ', VietnameseText.Fold(name), VietnameseText.Fold(code), VietnameseText.Fold(field));
                await importer.WriteAsync(search, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(limitUnit, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(limitValue, NpgsqlDbType.Numeric, ct);
                await importer.WriteAsync(JsonSerializer.Serialize(new[]
                {
                    new { Name = "Đơn (tờ khai) đề nghị theo mẫu", Note = (string?)null, Copies = 0, Required = true, Originals = 1, VaultAllowed = false },
                    new { Name = "Giấy tờ chứng minh đủ điều kiện theo quy định", Note = (string?)"Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu", Copies = 1, Required = true, Originals = 0, VaultAllowed = true },
                }, Json), NpgsqlDbType.Jsonb, ct);
                var fee = (long)((h >> 24) % 5) * 50_000;
                await importer.WriteAsync(JsonSerializer.Serialize(new[] { new { Name = "Lệ phí", Note = (string?)null, Amount = fee, OnlineAmount = fee == 0 ? (long?)null : fee / 2 } }, Json), NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(workflow, NpgsqlDbType.Jsonb, ct);

                var proc = new Proc(id, code, name, limitValue, limitUnit, StepNames);
                foreach (var unit in HandlingUnits(suffix, level, department))
                {
                    links.Add((id, unit.Id));
                    if (!procsByUnit.TryGetValue(unit.Id, out var list))
                    {
                        procsByUnit[unit.Id] = list = [];
                    }

                    list.Add(proc);
                }
            }

            await importer.CompleteAsync(ct);
        }

        await using (var importer = await c.BeginBinaryImportAsync("""COPY procedure_units ("ProcedureId", "UnitId") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (p, u) in links)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(p, NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(u, NpgsqlDbType.Integer, ct);
            }

            await importer.CompleteAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand("""SELECT setval(pg_get_serial_sequence('procedures', 'Id'), (SELECT MAX("Id") FROM procedures))""", c))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }

        // Every unit that handles procedures receives applications, each with its own officers.
        foreach (var u in _units.Where(u => procsByUnit.ContainsKey(u.Id)))
        {
            var h = SyntheticNames.Hash((ulong)u.Id * 31);
            _targets.Add(new Target(u.Id, u.Code, u.Path, u.Place, [.. procsByUnit[u.Id]],
                new Officers(null, SyntheticNames.Person(h), null, SyntheticNames.Person(h >> 7), null, SyntheticNames.Person(h >> 14))));
        }

        return ProcedureCount;
    }

    private IEnumerable<UnitRow> HandlingUnits(string suffix, string level, int department) => level switch
    {
        "province" => _units.Where(u => u.Code == $"000.00.{department + 2:00}.{suffix}"),
        "district" => _units.Where(u => u.Kind == "District" && u.Code.EndsWith(suffix, StringComparison.Ordinal)),
        _ => _units.Where(u => u.Kind == "Commune" && u.Code.EndsWith(suffix, StringComparison.Ordinal)),
    };

    // ------------------------------------------------------------------ citizens

    private sealed record Citizen(Guid Id, string Name, string IdentityNumber, string Phone, string Email, string Address);

    /// <summary>The user name of the n-th synthetic citizen: the 12-digit identity number, as registration makes it.</summary>
    public static string CitizenUserName(int n) => $"0370{n + 1:00000000}";

    private async Task InsertCitizensAsync(CancellationToken ct)
    {
        _citizens = new Citizen[CitizenCount];
        await using var c = await db.OpenConnectionAsync(ct);
        await using (var importer = await c.BeginBinaryImportAsync("""
            COPY "AspNetUsers" ("Id", "FullName", "AccountType", "IdentityNumber", "Address", "UserName", "NormalizedUserName", "Email",
              "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed",
              "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var n = 0; n < CitizenCount; n++)
            {
                var h = SyntheticNames.Hash((ulong)n + 1_000_003);
                var userName = CitizenUserName(n);
                var email = $"cd{userName}@example.vn";
                var citizen = new Citizen(Guid.CreateVersion7(), SyntheticNames.Person(h), userName, $"09{h % 100_000_000:00000000}", email,
                    SyntheticNames.Address(h >> 5, _units[(int)(h % (ulong)_units.Count)].Place));
                _citizens[n] = citizen;
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(citizen.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(citizen.Name, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync("Citizen", NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(userName, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(citizen.Address, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(userName, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(userName.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(email, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(_passwordHash, NpgsqlDbType.Text, ct); // the demo password, MotCua@2026
                await importer.WriteAsync(Guid.NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text, ct);
                await importer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text, ct);
                await importer.WriteAsync(citizen.Phone, NpgsqlDbType.Text, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct); // phone confirmed: SMS and Zalo reach them
                await importer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }

            await importer.CompleteAsync(ct);
        }

        // Every citizen asks for all four channels, so the notify scenario measures the most work a submission can cause.
        await using (var importer = await c.BeginBinaryImportAsync("""COPY notification_channels ("UserId", "Email", "Sms", "Zalo", "UpdatedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            var now = DateTime.UtcNow;
            foreach (var citizen in _citizens)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(citizen.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await importer.CompleteAsync(ct);
        }

        await using (var importer = await c.BeginBinaryImportAsync("""COPY "AspNetUserRoles" ("UserId", "RoleId") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var citizen in _citizens)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(citizen.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(_citizenRole, NpgsqlDbType.Uuid, ct);
            }

            await importer.CompleteAsync(ct);
        }
    }

    // ------------------------------------------------------------------ applications

    private async Task<long> InsertApplicationsAsync(CancellationToken ct)
    {
        long firstId;
        await using (var c = await db.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand("""SELECT COALESCE(MAX("Id"), 0) + 1 FROM applications""", c))
        {
            firstId = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }

        // Secondary indexes and the history's foreign key are dropped for the load and rebuilt after it, exactly as defined.
        var rebuild = await DropForLoadAsync(ct);
        var today = VietnamToday();
        var generator = new HistoryGenerator(_anPhu, [.. _targets], _citizens, applications, AnPhuShare, Days, today, DateTime.UtcNow.AddMinutes(-5));
        var apps = Task.Run(() => CopyApplicationsAsync(generator, firstId, ct), ct);
        var events = Task.Run(() => CopyEventsAsync(generator, firstId, ct), ct);
        await Task.WhenAll(apps, events);

        await using (var c = await db.OpenConnectionAsync(ct))
        {
            foreach (var sql in rebuild.Append("""SELECT setval(pg_get_serial_sequence('applications', 'Id'), (SELECT MAX("Id") FROM applications))"""))
            {
                await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) applications, application_events, procedures, procedure_units, units, \"AspNetUsers\", \"AspNetUserRoles\"", c) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        return await events;
    }

    private async Task<List<string>> DropForLoadAsync(CancellationToken ct)
    {
        var rebuild = new List<string>();
        var drop = new List<string>();
        await using var c = await db.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND conrelid = 'application_events'::regclass
            """, c))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                drop.Add($"""ALTER TABLE {r.GetString(0)} DROP CONSTRAINT "{r.GetString(1)}" """);
                rebuild.Add($"""ALTER TABLE {r.GetString(0)} ADD CONSTRAINT "{r.GetString(1)}" {r.GetString(2)}""");
            }
        }

        await using (var cmd = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename IN ('applications', 'application_events')
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
            """, c))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                drop.Add($"""DROP INDEX "{r.GetString(0)}" """);
                rebuild.Insert(0, r.GetString(1));
            }
        }

        foreach (var sql in drop)
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        return rebuild;
    }

    private static DateOnly VietnamToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private async Task CopyApplicationsAsync(HistoryGenerator generator, long firstId, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using (var s = new NpgsqlCommand("SET synchronous_commit = off", c))
        {
            await s.ExecuteNonQueryAsync(ct);
        }

        await using var importer = await c.BeginBinaryImportAsync("""
            COPY applications ("Id", "Code", "ProcedureId", "ProcedureCode", "ProcedureName", "UnitId", "UnitPath", "ApplicantId", "ApplicantName",
              "ApplicantIdentityNumber", "ApplicantPhone", "ApplicantEmail", "ApplicantAddress", "CreatedById", "Channel", "Status", "FormJson",
              "CurrentStep", "CurrentRole", "CurrentUnitPath", "CreatedAt", "SubmittedAt", "ReceivedAt", "DueAt", "FinishedAt", "ReturnedAt",
              "Timeliness", "ReturnMethod", "MissingDocuments", "Consent", "SupplementCount", "PausedAt", "ResumeStatus", "Reason", "LegalBasis",
              "ApologyNewDueAt", "ApologyReason", "Version", "TimeLimitUnit", "TimeLimitValue", "Steps", "SupplementItems") FROM STDIN (FORMAT BINARY)
            """, ct);
        importer.Timeout = TimeSpan.FromHours(2);
        var a = new HistoryGenerator.App();
        for (long i = 0; i < applications; i++)
        {
            generator.Generate(i, a, null);
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(firstId + i, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(a.Code, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Proc.Id, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(a.Proc.Code, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Proc.Name, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Target.UnitId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(a.Target.Path, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.ApplicantId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(a.ApplicantName, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.IdentityNumber, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Phone, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.Email, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Address, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.CreatedById, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(a.Channel, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Status, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.FormJson, NpgsqlDbType.Text, ct);
            await WriteNullable(importer, a.CurrentStep, NpgsqlDbType.Integer, ct);
            await WriteNullable(importer, a.CurrentRole, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.CurrentRole is null ? null : a.Target.Path, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Submitted, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(a.Submitted, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.Received, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.Due, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.Finished, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.Returned, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.Timeliness, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.ReturnMethod, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await WriteNullable(importer, a.Consent, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.SupplementItems is null ? 0 : 1, NpgsqlDbType.Integer, ct);
            await WriteNullable(importer, a.Paused, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.Paused is null ? null : "InProgress", NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.Reason, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.LegalBasis, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, a.ApologyDue, NpgsqlDbType.TimestampTz, ct);
            await WriteNullable(importer, a.ApologyDue is null ? null : "Hồ sơ phải xác minh thêm tại địa phương", NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Version, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(a.Proc.LimitUnit, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(a.Proc.LimitValue, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(a.StepsJson, NpgsqlDbType.Jsonb, ct);
            await importer.WriteAsync(a.SupplementItems ?? "[]", NpgsqlDbType.Jsonb, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private async Task<long> CopyEventsAsync(HistoryGenerator generator, long firstId, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using (var s = new NpgsqlCommand("SET synchronous_commit = off", c))
        {
            await s.ExecuteNonQueryAsync(ct);
        }

        await using var importer = await c.BeginBinaryImportAsync("""
            COPY application_events ("ApplicationId", "Sequence", "Action", "FromStatus", "ToStatus", "ActorId", "ActorName", "ActorRole",
              "UnitId", "At", "Note", "InternalNote", "StepIndex") FROM STDIN (FORMAT BINARY)
            """, ct);
        importer.Timeout = TimeSpan.FromHours(2);
        var a = new HistoryGenerator.App();
        var history = new List<HistoryGenerator.Event>(8);
        long count = 0;
        for (long i = 0; i < applications; i++)
        {
            history.Clear();
            generator.Generate(i, a, history);
            for (var s = 0; s < history.Count; s++)
            {
                var e = history[s];
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(firstId + i, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(s + 1, NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(e.Action, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.From, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.To, NpgsqlDbType.Varchar, ct);
                await WriteNullable(importer, e.ActorId, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(e.ActorName, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.ActorRole, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(a.Target.UnitId, NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
                await WriteNullable(importer, e.Note, NpgsqlDbType.Varchar, ct);
                await importer.WriteNullAsync(ct);
                await WriteNullable(importer, e.StepIndex, NpgsqlDbType.Integer, ct);
                count++;
            }
        }

        await importer.CompleteAsync(ct);
        return count;
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is T v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);

    private static Task WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, type, ct);

    // ------------------------------------------------------------------ the history of one application

    /// <summary>
    /// Application i, the same on every call: where it was filed, by whom, when, and every step of its life as the state
    /// machine (DESIGN §4) would have recorded it. Recent applications are still open; older ones are mostly returned.
    /// </summary>
    private sealed class HistoryGenerator(Target anPhu, Target[] targets, Citizen[] citizens, long total, double anPhuShare, int days, DateOnly today, DateTime cap)
    {
        private readonly long _anPhuCount = (long)(total * anPhuShare);
        // Shared by the two COPY streams (applications and events), which generate at the same time.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Proc, string[]> _encodedSteps = new();

        public sealed class App
        {
            public Target Target = null!;
            public Proc Proc = null!;
            public string Code = string.Empty;
            public Guid? ApplicantId;
            public string ApplicantName = string.Empty;
            public string IdentityNumber = string.Empty;
            public string Phone = string.Empty;
            public string? Email;
            public string Address = string.Empty;
            public Guid? CreatedById;
            public string Channel = string.Empty;
            public string Status = string.Empty;
            public string FormJson = string.Empty;
            public int? CurrentStep;
            public string? CurrentRole;
            public DateTime Submitted;
            public DateTime? Received;
            public DateTime? Due;
            public DateTime? Finished;
            public DateTime? Returned;
            public string? Timeliness;
            public string? ReturnMethod;
            public string? Consent;
            public DateTime? Paused;
            public string? Reason;
            public string? LegalBasis;
            public DateTime? ApologyDue;
            public int Version;
            public string StepsJson = string.Empty;
            public string? SupplementItems;
        }

        public readonly record struct Event(string Action, string From, string To, Guid? ActorId, string ActorName, string ActorRole, DateTime At, string? Note, int? StepIndex);

        public void Generate(long i, App a, List<Event>? history)
        {
            // Where: the demo ward takes a large share; the rest is spread over every unit of the synthetic provinces.
            long k;
            if (i < _anPhuCount)
            {
                a.Target = anPhu;
                k = i;
            }
            else
            {
                var j = i - _anPhuCount;
                a.Target = targets[j % targets.Length];
                k = j / targets.Length;
            }

            var dayAgo = (int)(k % days);
            var seq = k / days + 1;
            var day = today.AddDays(-1 - dayAgo);
            var h = SyntheticNames.Hash((ulong)i);
            var h2 = SyntheticNames.Hash(h);
            a.Proc = a.Target.Procedures[(int)(h % (ulong)a.Target.Procedures.Length)];
            a.Code = $"{a.Target.Code}-{day:yyMMdd}-{seq:0000}";

            // Who and how.
            var roll = (int)(h2 % 100);
            a.Channel = roll < 55 ? "OnlineRemote" : roll < 60 ? "OnlineAssisted" : roll < 92 ? "Counter" : "Postal";
            var online = roll < 60;
            var o = a.Target.Officers;
            if (online)
            {
                var citizen = citizens[(int)(h2 / 100 % (ulong)citizens.Length)];
                a.ApplicantId = citizen.Id;
                a.ApplicantName = citizen.Name;
                a.IdentityNumber = citizen.IdentityNumber;
                a.Phone = citizen.Phone;
                a.Email = citizen.Email;
                a.Address = citizen.Address;
            }
            else
            {
                a.ApplicantId = null;
                a.ApplicantName = SyntheticNames.Person(h2 >> 20);
                a.IdentityNumber = $"0{h2 % 100_000_000_000:00000000000}";
                a.Phone = $"09{(h2 >> 10) % 100_000_000:00000000}";
                a.Email = null;
                a.Address = SyntheticNames.Address(h2 >> 30, a.Target.Place);
            }

            a.CreatedById = a.Channel is "OnlineRemote" ? null : o.ReceptionId;
            a.Consent = a.Channel == "OnlineAssisted" ? $"{a.ApplicantName} đồng ý để {o.Reception} nộp thay" : null;
            a.FormJson = FormJson(a, h);

            // When: submitted in office hours (07:00–17:00, Vietnam) on its day.
            var submitted = day.ToDateTime(new TimeOnly(7, 0)).AddMinutes((double)((h >> 40) % 600)).AddHours(-7);
            a.Submitted = DateTime.SpecifyKind(submitted, DateTimeKind.Utc);
            var limitDays = a.Proc.LimitUnit == "WorkingHours" ? (double)a.Proc.LimitValue / 8 : (double)a.Proc.LimitValue;
            var received = a.Submitted.AddMinutes(20 + (double)((h >> 12) % 200));
            var due = received.AddDays(Math.Max(1, Math.Ceiling(limitDays * 7 / 5)));

            var status = Status(dayAgo, (int)((h >> 24) % 1000));
            var late = (h >> 34) % 100 < 4;
            var early = !late && (h >> 34) % 100 < 30;
            var span = due - received;
            var forward = received + span * (0.25 + (double)((h >> 44) % 40) / 100);
            var approve = late ? due.AddHours(20 + (double)((h >> 50) % 48)) : early ? received + span * 0.5 : due.AddHours(-1 - (double)((h >> 50) % 3));
            if (approve < forward)
            {
                approve = forward.AddMinutes(30);
            }

            var returned = approve.AddHours(4 + (double)((h >> 54) % 72));
            var atStep2 = (h >> 60) % 5 < 2;

            a.Status = status;
            a.Received = null;
            a.Due = due;
            a.Finished = a.Returned = a.Paused = a.ApologyDue = null;
            a.Timeliness = a.ReturnMethod = a.Reason = a.LegalBasis = a.SupplementItems = null;
            a.CurrentStep = null;
            a.CurrentRole = null;

            var t = new Timeline(cap);
            var ev = history;
            void Add(string action, string from, string to, Guid? id, string name, string role, DateTime at, string? note = null, int? step = null) =>
                ev?.Add(new Event(action, from, to, id, name, role, at, note, step));
            var applicant = (a.ApplicantId, a.ApplicantName);
            var submitAt = t.At(a.Submitted);
            if (a.Channel is "OnlineRemote")
            {
                Add("submit", "Draft", "Submitted", applicant.ApplicantId, applicant.ApplicantName, "Applicant", submitAt);
            }
            else
            {
                Add("submit", "Draft", "Submitted", o.ReceptionId, o.Reception, "Reception", submitAt);
            }

            a.Version = 1;
            DateTime? stepDue0 = null, stepDue1 = null, stepDue2 = null, started1 = null, done0 = null, done1 = null, done2 = null, started2 = null;
            string? by0 = null, by1 = null, by2 = null;

            if (status == "NotAccepted")
            {
                var at = t.At(received);
                a.Reason = "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan";
                a.LegalBasis = "Khoản 2 Điều 19 Nghị định số 118/2025/NĐ-CP";
                Add("refuse", "Submitted", "NotAccepted", o.ReceptionId, o.Reception, "Reception", at, "Đề nghị nộp hồ sơ tại cơ quan có thẩm quyền");
                a.Version++;
            }
            else if (status != "Submitted")
            {
                var rAt = t.At(received);
                a.Received = rAt;
                stepDue0 = rAt + (due - rAt) * 0.1;
                stepDue1 = rAt + (due - rAt) * 0.7;
                stepDue2 = due;
                done0 = rAt;
                by0 = o.Reception;
                started1 = rAt;
                Add("receive", "Submitted", "Received", o.ReceptionId, o.Reception, "Reception", rAt);
                Add("receive", "Received", "InProgress", o.ReceptionId, o.Reception, "Reception", rAt, null, 1);
                a.Version++;
                a.CurrentStep = 1;
                a.CurrentRole = "Specialist";

                var goesOn = status is "ResultReady" or "Returned" or "Rejected" or "AwaitingPayment" || (status is "InProgress" && atStep2);
                if (goesOn)
                {
                    var fAt = t.At(forward);
                    done1 = fAt;
                    by1 = o.Specialist;
                    started2 = fAt;
                    Add("forward", "InProgress", "InProgress", o.SpecialistId, o.Specialist, "Specialist", fAt, null, 2);
                    a.Version++;
                    a.CurrentStep = 2;
                    a.CurrentRole = "Leader";
                }

                switch (status)
                {
                    case "SupplementRequested":
                    {
                        var at = t.At(forward);
                        a.Paused = at;
                        a.SupplementItems = """[{"Name": "Giấy tờ chứng minh nơi cư trú", "Reason": "Bản sao chưa được chứng thực"}]""";
                        Add("request-supplement", "InProgress", "SupplementRequested", o.SpecialistId, o.Specialist, "Specialist", at, "Đề nghị bổ sung giấy tờ chứng minh nơi cư trú", 1);
                        a.Version++;
                        break;
                    }

                    case "Suspended":
                    {
                        var at = t.At(forward);
                        a.Paused = at;
                        a.Reason = "Chờ kết quả xác minh của cơ quan có liên quan";
                        a.LegalBasis = "Điều 21 Nghị định số 118/2025/NĐ-CP";
                        Add("suspend", "InProgress", "Suspended", o.LeaderId, o.Leader, "Leader", at, a.Reason, 1);
                        a.Version++;
                        break;
                    }

                    case "WithdrawalRequested" or "Withdrawn":
                    {
                        var at = t.At(forward);
                        Add("withdraw", "InProgress", "WithdrawalRequested", applicant.ApplicantId, applicant.ApplicantName, "Applicant", at, "Tôi xin rút hồ sơ", 1);
                        a.Version++;
                        if (status == "Withdrawn")
                        {
                            Add("confirm-withdrawal", "WithdrawalRequested", "Withdrawn", o.ReceptionId, o.Reception, "Reception", t.At(forward.AddHours(3)), null, 1);
                            a.Version++;
                        }

                        break;
                    }

                    case "AwaitingPayment":
                    {
                        var at = t.At(forward.AddHours(1));
                        a.Paused = at;
                        Add("request-payment", "InProgress", "AwaitingPayment", o.LeaderId, o.Leader, "Leader", at, "Đề nghị nộp phí, lệ phí", 2);
                        a.Version++;
                        break;
                    }

                    case "Rejected":
                    {
                        var at = t.At(approve);
                        a.Reason = "Không đủ điều kiện theo quy định";
                        a.LegalBasis = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15";
                        a.Finished = at;
                        a.Timeliness = at > due ? "Late" : "OnTime";
                        a.CurrentRole = null;
                        Add("reject", "InProgress", "Rejected", o.LeaderId, o.Leader, "Leader", at, a.Reason, 2);
                        a.Version++;
                        break;
                    }

                    case "ResultReady" or "Returned":
                    {
                        if (late)
                        {
                            var apologyAt = t.At(due.AddHours(-2));
                            a.ApologyDue = due.AddDays(3);
                            Add("apologize", "InProgress", "InProgress", o.LeaderId, o.Leader, "Leader", apologyAt, "Xin lỗi và hẹn lại ngày trả kết quả", 2);
                            a.Version++;
                        }

                        var at = t.At(approve);
                        done2 = at;
                        by2 = o.Leader;
                        a.Finished = at;
                        a.Timeliness = at > due ? "Late" : DateOnly.FromDateTime(at.AddHours(7)) < DateOnly.FromDateTime(due.AddHours(7)) ? "Early" : "OnTime";
                        a.CurrentRole = null;
                        Add("approve", "InProgress", "ResultReady", o.LeaderId, o.Leader, "Leader", at, null, 2);
                        a.Version++;
                        if (status == "Returned")
                        {
                            var rt = t.At(returned);
                            a.Returned = rt;
                            a.ReturnMethod = online ? "Online" : (h >> 33) % 5 == 0 ? "Post" : "Desk";
                            Add("return-result", "ResultReady", "Returned", o.ReceptionId, o.Reception, "Reception", rt, null, 2);
                            a.Version++;
                        }

                        break;
                    }
                }
            }

            a.StepsJson = StepsJson(a, [stepDue0, stepDue1, stepDue2], [null, started1, started2], [done0, done1, done2], [by0, by1, by2]);
        }

        /// <summary>Status by age: open files are recent, old ones mostly finished (a few results never collected).</summary>
        private static string Status(int dayAgo, int u)
        {
            if (dayAgo < 2)
            {
                return u switch { < 350 => "Submitted", < 850 => "InProgress", < 900 => "SupplementRequested", < 930 => "NotAccepted", _ => "ResultReady" };
            }

            if (dayAgo < 20)
            {
                return u switch
                {
                    < 350 => "InProgress", < 470 => "ResultReady", < 870 => "Returned", < 910 => "SupplementRequested", < 930 => "AwaitingPayment",
                    < 940 => "Suspended", < 950 => "WithdrawalRequested", < 980 => "NotAccepted", < 990 => "Rejected", _ => "Withdrawn",
                };
            }

            return u switch { < 910 => "Returned", < 940 => "NotAccepted", < 960 => "Rejected", < 980 => "Withdrawn", < 995 => "ResultReady", _ => "Suspended" };
        }

        private string StepsJson(App a, DateTime?[] due, DateTime?[] started, DateTime?[] completed, string?[] by)
        {
            var names = _encodedSteps.GetOrAdd(a.Proc, p => p.StepNames.Select(n => JsonSerializer.Serialize(n, Json)).ToArray());

            var path = a.Target.Path;
            var sb = new StringBuilder(900);
            sb.Append('[');
            string[] roles = ["Reception", "Specialist", "Leader"];
            string[] shares = ["0.1", "0.6", "0.3"];
            for (var s = 0; s < 3; s++)
            {
                if (s > 0)
                {
                    sb.Append(", ");
                }

                sb.Append("{\"Name\": ").Append(names[s]).Append(", \"Role\": \"").Append(roles[s]).Append("\", \"DueAt\": ");
                Time(sb, due[s]);
                sb.Append(", \"Share\": ").Append(shares[s]).Append(", \"UnitId\": ").Append(a.Target.UnitId)
                    .Append(", \"UnitPath\": \"").Append(path).Append("\", \"StartedAt\": ");
                Time(sb, started[s]);
                sb.Append(", \"CompletedAt\": ");
                Time(sb, completed[s]);
                sb.Append(", \"CompletedBy\": ").Append(by[s] is null ? "null" : JsonSerializer.Serialize(by[s], Json)).Append('}');
            }

            return sb.Append(']').ToString();
        }

        private static void Time(StringBuilder sb, DateTime? t)
        {
            if (t is DateTime v)
            {
                sb.Append('"').Append(v.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)).Append('"');
            }
            else
            {
                sb.Append("null");
            }
        }

        private static string FormJson(App a, ulong h) => JsonSerializer.Serialize(new
        {
            hoTen = a.ApplicantName,
            soDinhDanh = a.IdentityNumber,
            soDienThoai = a.Phone,
            diaChi = a.Address,
            noiDung = $"Đề nghị cơ quan giải quyết thủ tục “{a.Proc.Name}” cho tôi theo quy định. Hồ sơ gồm {2 + (int)(h % 4)} thành phần, nộp kèm bản sao giấy tờ tùy thân.",
        }, Json);

        /// <summary>Keeps each history moving forward and never past the present (recent files).</summary>
        private sealed class Timeline(DateTime cap)
        {
            private DateTime _last = DateTime.MinValue;

            public DateTime At(DateTime wanted)
            {
                var t = wanted > cap ? cap : wanted;
                if (t <= _last)
                {
                    t = _last.AddSeconds(1);
                }

                _last = t;
                return DateTime.SpecifyKind(t, DateTimeKind.Utc);
            }
        }
    }
}
