using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Pages;

public sealed class ProcedureDetailsModel(MotCuaDbContext db, WorkingCalendarProvider calendars, IClock clock, Public.CatalogDirectory directory) : PageModel
{
    /// <summary>Level names by code ("commune" → "Cấp xã").</summary>
    public IReadOnlyDictionary<string, string> LevelNames { get; private set; } = new Dictionary<string, string>();

    public Procedure Procedure { get; private set; } = null!;
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<FormField> FormQuestions { get; private set; } = [];

    /// <summary>When the result would be due if submitted online now, on Vietnam's clock; null when the procedure is not offered online.</summary>
    public LocalDateTime? ExpectedDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units)
            .SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        Procedure = procedure;
        LevelNames = await directory.LevelNamesAsync(cancellationToken);
        var unitIds = procedure.Units.Select(u => u.UnitId).ToList();
        Units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Path).ToListAsync(cancellationToken);
        FormQuestions = FormFields.Read(procedure.Form);
        if (procedure.OnlineLevel != OnlineLevel.Info)
        {
            var calendar = await calendars.GetAsync(cancellationToken);
            var expected = calendar.Expect(clock.GetCurrentInstant(), procedure.TimeLimitFor(online: true));
            ExpectedDue = expected.DueAt.InZone(calendar.Zone).LocalDateTime;
        }

        return Page();
    }

}
