using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.Web.Modules.Calendar.Data;

/// <summary>Every database starts with the 2026–2027 days off (<see cref="VietnamPublicHolidays"/>) and the default
/// working hours; after that the province admin owns them, so nothing is added to a table that has rows.</summary>
internal sealed class PublicHolidaysSeed(MotCuaDbContext db, WorkingCalendarProvider calendars) : IDatabaseSeeder
{
    public int Order => 1;

    public bool DemoOnly => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        if (!await db.Set<CalendarDay>().AnyAsync(cancellationToken))
        {
            db.Set<CalendarDay>().AddRange(VietnamPublicHolidays.All());
            changed = true;
        }

        if (!await db.Set<WorkingHoursSettings>().AnyAsync(cancellationToken))
        {
            db.Set<WorkingHoursSettings>().Add(new WorkingHoursSettings(WorkingHours.Default));
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
            calendars.Invalidate();
        }
    }
}
