using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;

namespace MotCua.Web.Modules.Catalog.Units;

/// <summary>One unit of a tree file; the parent and successor by code. EndedOn and Successor are written by the export and not read back.</summary>
public sealed record UnitRecord(string Code, string Name, UnitKind Kind, string Level, string? Parent,
    string? ShortName = null, string? Address = null, string? Phone = null, string? Email = null, string? Place = null, string? AreaName = null,
    DateOnly? EndedOn = null, string? Successor = null);

public sealed record UnitTreeFileContent(IReadOnlyList<UnitRecord> Units, string? Format = null)
{
    public const string FormatName = "motcua.units.v1";
}

public sealed record ImportedUnit(string Code, string Name);

public sealed record RefusedUnit(string Code, string Message);

public sealed record UnitImportReport(bool DryRun, IReadOnlyList<ImportedUnit> Added, IReadOnlyList<ImportedUnit> Changed, IReadOnlyList<RefusedUnit> Refused, int Unchanged);

/// <summary>
/// The unit tree in and out as JSON ("motcua.units.v1") or an Excel sheet. An import adds the units it does not know
/// (parents before children) and updates names and contacts of those it knows; it never moves, merges or dissolves
/// (those are decisions with a date and a reason, made on the tree page or its API), and says so for a unit whose
/// parent differs.
/// </summary>
public sealed class UnitTreeFile(MotCuaDbContext db, UnitTree tree)
{
    public const string Sheet = "Đơn vị";

    private static readonly string[] Columns =
        ["Mã định danh", "Tên đơn vị", "Tên viết tắt", "Loại (PeopleCommittee, Department, District, Office, Commune, ServiceCentre)", "Cấp", "Mã đơn vị cấp trên",
         "Địa chỉ", "Điện thoại", "Thư điện tử", "Địa danh ghi trên văn bản", "Địa bàn", "Ngày sáp nhập, giải thể", "Mã đơn vị kế thừa"];

    public async Task<UnitTreeFileContent> ExportAsync(CancellationToken cancellationToken)
    {
        var units = (await db.Set<Unit>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        return new UnitTreeFileContent(units.Select(u => new UnitRecord(u.Code, u.Name, u.Kind, u.LevelCode, u.ParentId is int p ? codes[p] : null,
            u.ShortName, u.Address, u.Phone, u.Email, u.Place, u.AreaName, u.EndedOn, u.SuccessorId is int s ? codes[s] : null)).ToList(), UnitTreeFileContent.FormatName);
    }

    public static byte[] ToExcel(UnitTreeFileContent file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rows = file.Units.Select(u => new object?[] { u.Code, u.Name, u.ShortName, u.Kind.ToString(), u.Level, u.Parent, u.Address, u.Phone, u.Email, u.Place, u.AreaName,
            u.EndedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Successor })
            .Select(values => Columns.Select((c, i) => (c, values[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: true, sheetName: Sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static async Task<Result<UnitTreeFileContent>> ReadAsync(Stream body, bool excel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        if (!excel)
        {
            try
            {
                return JsonSerializer.Deserialize<UnitTreeFileContent>(buffer, CatalogJson.Options) is { } file
                    ? file
                    : Failure.Invalid("Tệp cây đơn vị trống.", ("body", "Tệp phải là một đối tượng JSON có danh sách \"units\"."));
            }
            catch (JsonException e)
            {
                return Failure.Invalid("Tệp cây đơn vị không đúng định dạng motcua.units.v1.", ("body", $"Lỗi ở {e.Path}{(e.LineNumber is { } n ? $" (dòng {n + 1})" : "")}: thiếu trường, sai kiểu hoặc có trường không thuộc định dạng."));
            }
        }

        try
        {
            var problems = new List<string>();
            var units = new List<UnitRecord>();
            var number = 1;
            foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: true, sheetName: Sheet))
            {
                number++;
                string? Cell(int i) => row.TryGetValue(Columns[i], out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture) is { } t && !string.IsNullOrWhiteSpace(t)
                    ? t.Trim().Normalize(System.Text.NormalizationForm.FormC) : null;
                if (Enumerable.Range(0, Columns.Length).All(i => Cell(i) is null))
                {
                    continue;
                }

                if (!Enum.TryParse<UnitKind>(Cell(3), out var kind) || !Enum.IsDefined(kind))
                {
                    problems.Add($"Trang “{Sheet}”, dòng {number}, cột “{Columns[3]}”: “{Cell(3)}” không phải một loại đơn vị ({string.Join(", ", Enum.GetNames<UnitKind>())}).");
                    continue;
                }

                units.Add(new UnitRecord(Cell(0) ?? string.Empty, Cell(1) ?? string.Empty, kind, Cell(4) ?? string.Empty, Cell(5), Cell(2), Cell(6), Cell(7), Cell(8), Cell(9), Cell(10)));
            }

            return problems.Count > 0
                ? Failure.Invalid("Tệp Excel có ô không đọc được.", problems.Take(20).Select(p => ("body", (string?)p)).ToArray())
                : new UnitTreeFileContent(units, UnitTreeFileContent.FormatName);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or ArgumentException or System.Xml.XmlException or KeyNotFoundException)
        {
            return Failure.Invalid("Không đọc được tệp Excel.", ("body", $"Tệp không phải một bảng tính Excel (.xlsx) có trang “{Sheet}”. Hãy dùng tệp xuất từ cây đơn vị."));
        }
    }

    public async Task<Result<UnitImportReport>> ImportAsync(UnitTreeFileContent file, bool dryRun, UnitTree.Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Format is { } format && format != UnitTreeFileContent.FormatName)
        {
            return Failure.Invalid("Tệp không đúng định dạng cây đơn vị.", ("format", $"Định dạng \"{format}\" không được hỗ trợ; cần \"{UnitTreeFileContent.FormatName}\"."));
        }

        if (file.Units.Count is 0 or > 20_000)
        {
            return Failure.Invalid("Tệp không có đơn vị nào để nhập.", ("units", "Tệp phải có từ 1 đến 20.000 đơn vị."));
        }

        var existing = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        var codes = existing.Values.ToDictionary(u => u.Id, u => u.Code);
        var levels = (await db.Set<AdministrativeLevel>().Select(l => l.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = new List<UnitRecord>();
        var changed = new List<(Unit Unit, UnitRecord Record)>();
        var refused = new List<RefusedUnit>();
        var unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in file.Units)
        {
            var code = record.Code?.Trim() ?? string.Empty;
            if (!seen.Add(code))
            {
                refused.Add(new RefusedUnit(code, "Mã định danh xuất hiện nhiều lần trong tệp; chỉ lần đầu được xét."));
                continue;
            }

            if (existing.TryGetValue(code, out var unit))
            {
                var parent = unit.ParentId is int p ? codes[p] : null;
                if (!string.Equals(parent, record.Parent, StringComparison.Ordinal) && !unit.Ended)
                {
                    refused.Add(new RefusedUnit(code, $"Đơn vị cấp trên trong tệp ({record.Parent ?? "không có"}) khác trong cây ({parent ?? "không có"}): chuyển, sáp nhập hoặc giải thể đơn vị trên trang Cây đơn vị, kèm ngày và căn cứ."));
                }
                else if (unit.Name != record.Name || unit.ShortName != record.ShortName || unit.Address != record.Address || unit.Phone != record.Phone || unit.Email != record.Email)
                {
                    changed.Add((unit, record));
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            var parentKnown = record.Parent is { } parentCode && ((existing.TryGetValue(parentCode, out var known) && !known.Ended) || added.Any(a => a.Code == parentCode));
            var problem = !levels.Contains(record.Level ?? string.Empty) ? $"Cấp \"{record.Level}\" không có trong cây (có: {string.Join(", ", levels)})."
                : !parentKnown ? $"Đơn vị cấp trên {record.Parent ?? "(trống)"} không có trong cây hoặc trong các dòng phía trên của tệp."
                : null;
            if (problem is not null)
            {
                refused.Add(new RefusedUnit(code, problem));
                continue;
            }

            added.Add(record);
        }

        if (dryRun || (added.Count == 0 && changed.Count == 0))
        {
            return new UnitImportReport(dryRun, added.Select(a => new ImportedUnit(a.Code, a.Name)).ToList(), changed.Select(c => new ImportedUnit(c.Unit.Code, c.Record.Name)).ToList(), refused, unchanged);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = existing.Values.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
            var done = new List<ImportedUnit>();
            foreach (var record in added)
            {
                var created = await tree.CreateAsync(new NewUnit(record.Code, record.Name, record.ShortName, record.Kind, record.Level, ids[record.Parent!],
                    record.Address, record.Phone, record.Email, record.Place, record.AreaName), actor, cancellationToken);
                if (created.Failure is not null)
                {
                    refused.Add(new RefusedUnit(record.Code, string.Join(" ", created.Failure.Fields.Select(f => f.Message).DefaultIfEmpty(created.Failure.Message))));
                    continue;
                }

                ids[record.Code] = created.Value!.Id;
                done.Add(new ImportedUnit(record.Code, record.Name));
            }

            var edited = new List<ImportedUnit>();
            foreach (var (unit, record) in changed)
            {
                var result = await tree.EditAsync(unit.Id, new UnitEdit(record.Name, record.ShortName, record.Address, record.Phone, record.Email), actor, cancellationToken);
                if (result.Failure is not null)
                {
                    refused.Add(new RefusedUnit(record.Code, string.Join(" ", result.Failure.Fields.Select(f => f.Message).DefaultIfEmpty(result.Failure.Message))));
                    continue;
                }

                edited.Add(new ImportedUnit(unit.Code, record.Name));
            }

            await transaction.CommitAsync(cancellationToken);
            return Result<UnitImportReport>.Ok(new UnitImportReport(false, done, edited, refused, unchanged));
        });
    }
}
