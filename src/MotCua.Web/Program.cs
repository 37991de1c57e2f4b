using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Common.Telemetry;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Applications;
using MotCua.Web.Modules.Audit;
using MotCua.Web.Modules.Calendar;
using MotCua.Web.Modules.Catalog;
using MotCua.Web.Modules.EForms;
using MotCua.Web.Modules.Identity;
using MotCua.Web.Modules.Indicators;
using MotCua.Web.Modules.National;
using MotCua.Web.Modules.Notifications;
using MotCua.Web.Modules.Payments;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCuaDatabase();
builder.AddWebPlatform();
builder.AddTelemetry();
builder.AddFileStorage();
builder.AddOutbox();
builder.AddAudit();
builder.AddIdentityModule();
builder.AddCalendar();
builder.AddEForms();
builder.AddCatalog();
builder.AddApplications();
builder.AddNotifications();
builder.AddPayments();
builder.AddIndicators();
builder.AddNational();

var app = builder.Build();

// `seed-demo` puts the demo province into any database (a production one gets it only this way).
var seedDemo = args.Contains("seed-demo", StringComparer.Ordinal);
if (!await app.PrepareDatabaseAsync(forceDemoSeed: seedDemo))
{
    return 1;
}

if (seedDemo)
{
    Console.WriteLine("Đã nạp dữ liệu tỉnh mẫu.");
    return 0;
}

// `indicators-rebuild` counts every indicator counter again from the applications (run it with the workers stopped).
if (args.Contains(IndicatorsModule.RebuildCommand, StringComparer.Ordinal))
{
    return await IndicatorsModule.RebuildAsync(app);
}

// `import-applications FILE.jsonl` brings in the former system's applications (the statistics count them once a node's workers run).
if (args.Contains(ApplicationsModule.ImportCommand, StringComparer.Ordinal))
{
    return await ApplicationsModule.ImportAsync(app, args);
}

app.UseWebPlatform();
app.MapOutbox();
app.MapAudit();
app.MapIdentity();
app.MapCalendar();
app.MapCatalog();
app.MapApplications();
app.MapNotifications();
app.MapPayments();
app.MapIndicators();
app.MapNational();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
