using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Catalog.Quality;

/// <summary>
/// What is broken in a procedure: <paramref name="Problem"/> in Vietnamese; when it names catalog data (a step, a unit),
/// <paramref name="Sentence"/> is the same with placeholders and <paramref name="Data"/> the names, for a page in another
/// language to translate the sentence and keep the names.
/// </summary>
public sealed record QualityProblem(string Code, string Name, string Problem, string? Sentence = null, IReadOnlyList<string>? Data = null)
{
    public static QualityProblem Naming(string code, string name, string sentence, params string[] data) =>
        new(code, name, string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, data), sentence, data);
}

public sealed record UnitQuality(int UnitId, string UnitCode, string UnitName, int ProceduresOnline, IReadOnlyList<QualityProblem> Problems);

public sealed record QualityReport(DateTimeOffset At, int ProceduresOnline, int ProceduresWithProblems, IReadOnlyList<UnitQuality> Units);

/// <summary>
/// Runs through every procedure offered online as a citizen and the officers would (seed 001): its e-form accepts a
/// carefully filled sample, it has documents, fees and a workflow that ends with a leader's approval, and at every unit
/// that offers it someone holds each role its steps need. What is broken is listed per unit.
/// </summary>
public sealed class CatalogQuality(MotCuaDbContext db, CatalogDirectory directory, AccountDirectory accounts, FormValidation validation, IClock clock)
{
    public async Task<QualityReport> RunAsync(CancellationToken cancellationToken)
    {
        var procedures = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units)
            .Where(p => p.OnlineLevel != OnlineLevel.Info).ToListAsync(cancellationToken);
        var units = (await directory.AllUnitsAsync(cancellationToken)).ToDictionary(u => u.Id);
        var byCode = units.Values.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var holders = await accounts.OfficerRolesAsync(cancellationToken);

        bool Covered(StepRole role, UnitCard at) => holders.Any(h => h.Role == role.ToString() && units.TryGetValue(h.UnitId, out var u) && at.IsWithin(u.Path));

        var perUnit = new Dictionary<int, List<QualityProblem>>();
        var online = new Dictionary<int, int>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var procedure in procedures)
        {
            var own = await ProblemsAsync(procedure);
            var handling = procedure.Units.Select(u => units.GetValueOrDefault(u.UnitId)).OfType<UnitCard>().Where(u => !u.Ended).ToList();
            if (handling.Count == 0)
            {
                broken.Add(procedure.Code);
                continue;
            }

            foreach (var unit in handling)
            {
                online[unit.Id] = online.GetValueOrDefault(unit.Id) + 1;
                var problems = own.Select(p => new QualityProblem(procedure.Code, procedure.Name, p)).ToList();
                foreach (var step in procedure.Workflow)
                {
                    var at = step.UnitCode is { } code ? byCode.GetValueOrDefault(code) : unit;
                    if (at is null || at.Ended)
                    {
                        problems.Add(QualityProblem.Naming(procedure.Code, procedure.Name, "Bước “{0}” giao cho đơn vị {1} không còn hoạt động.", step.Name, step.UnitCode ?? string.Empty));
                    }
                    else if (!Covered(step.Role, at))
                    {
                        problems.Add(QualityProblem.Naming(procedure.Code, procedure.Name, NoOfficer(step.Role), at.Name, step.Name));
                    }
                }

                if (problems.Count > 0)
                {
                    broken.Add(procedure.Code);
                    (perUnit.TryGetValue(unit.Id, out var list) ? list : perUnit[unit.Id] = []).AddRange(problems);
                }
            }
        }

        var report = online.Keys.Select(id => units[id])
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new UnitQuality(u.Id, u.Code, u.Name, online[u.Id], perUnit.GetValueOrDefault(u.Id) ?? []))
            .ToList();
        var checkedAt = clock.GetCurrentInstant().InZone(Common.Text.VietnameseDates.Zone).ToDateTimeOffset();
        return new QualityReport(checkedAt, procedures.Count, broken.Count, report);
    }

    private async Task<List<string>> ProblemsAsync(Procedure procedure)
    {
        var problems = new List<string>();
        if (procedure.Form is null)
        {
            problems.Add("Chưa có biểu mẫu điện tử.");
        }
        else
        {
            var errors = await validation.ValidateAsync(procedure.Form, FormSamples.Filled(procedure.Form));
            problems.AddRange(errors.Select(e => $"Biểu mẫu không nhận một tờ khai mẫu điền đúng: {e.Value}"));
        }

        if (procedure.Documents.Count == 0)
        {
            problems.Add("Chưa có thành phần hồ sơ.");
        }

        if (procedure.Fees.Count == 0)
        {
            problems.Add("Chưa ghi phí, lệ phí (ghi mức 0 nếu miễn).");
        }

        if (procedure.Workflow.Count == 0)
        {
            problems.Add("Chưa có quy trình xử lý nội bộ.");
        }
        else if (procedure.Workflow[^1].Role != StepRole.Leader)
        {
            problems.Add("Bước cuối của quy trình phải là lãnh đạo phê duyệt kết quả.");
        }

        return problems;
    }

    private static string NoOfficer(StepRole role) => role switch
    {
        StepRole.Reception => "Không có cán bộ một cửa (tiếp nhận) tại {0} cho bước “{1}”.",
        StepRole.Specialist => "Không có cán bộ chuyên viên tại {0} cho bước “{1}”.",
        _ => "Không có cán bộ lãnh đạo tại {0} cho bước “{1}”.",
    };
}
