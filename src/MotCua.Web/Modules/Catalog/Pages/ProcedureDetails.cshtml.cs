using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Deadlines;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Catalog.Pages;

public sealed class ProcedureDetailsModel(MotCuaDbContext db, WorkingCalendarProvider calendars, IClock clock) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<FormField> FormFields { get; private set; } = [];

    /// <summary>When the result would be due if submitted online now; null when the procedure is not offered online.</summary>
    public string? ExpectedResult { get; private set; }

    public sealed record FormField(string Key, string Label, string? Help, bool Required);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.Units)
            .SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        Procedure = procedure;
        var unitIds = procedure.Units.Select(u => u.UnitId).ToList();
        Units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Path).ToListAsync(cancellationToken);
        FormFields = procedure.Form is null ? [] : ReadFields(procedure.Form);
        if (procedure.OnlineLevel != OnlineLevel.Info)
        {
            var calendar = await calendars.GetAsync(cancellationToken);
            var expected = calendar.Expect(clock.GetCurrentInstant(), procedure.TimeLimitFor(online: true));
            ExpectedResult = $"Nếu nộp trực tuyến ngay bây giờ, dự kiến có kết quả trước {VietnameseDates.TimeAndDate(calendar.ToLocal(expected.DueAt))}";
        }

        return Page();
    }

    /// <summary>The e-form's questions in display order: label = "title", help = "description".</summary>
    private static List<FormField> ReadFields(FormDefinition form)
    {
        using var schema = JsonDocument.Parse(form.SchemaJson);
        using var ui = JsonDocument.Parse(form.UiJson);
        var required = schema.RootElement.TryGetProperty("required", out var r)
            ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet()
            : [];
        if (!schema.RootElement.TryGetProperty("properties", out var properties))
        {
            return [];
        }

        var order = ui.RootElement.TryGetProperty("order", out var o) ? o.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        var fields = properties.EnumerateObject().Select(p => new FormField(
            p.Name,
            p.Value.TryGetProperty("title", out var t) ? t.GetString() ?? p.Name : p.Name,
            p.Value.TryGetProperty("description", out var d) ? d.GetString() : null,
            required.Contains(p.Name))).ToList();
        return fields.OrderBy(f => order.IndexOf(f.Key) is var i && i >= 0 ? i : int.MaxValue).ToList();
    }
}
