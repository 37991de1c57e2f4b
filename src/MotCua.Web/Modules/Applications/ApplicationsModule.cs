using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Slips;
using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Applications.Transitions;

namespace MotCua.Web.Modules.Applications;

public static class ApplicationsModule
{
    /// <summary>The command that imports a JSON Lines file of the former system's applications: import-applications FILE.jsonl.</summary>
    public const string ImportCommand = "import-applications";

    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ApplicationCodes>();
        services.AddScoped<SubmitHandler>();
        services.AddScoped<TransitionHandler>();
        services.AddScoped<DocumentUpload>();
        services.AddScoped<StagedUploads>();
        services.AddScoped<NationalDataLookup>();
        services.AddScoped<SlipBuilder>();
        services.AddSingleton<Common.Outbox.IOutboxSource, Events.ApplicationOutboxSource>();
        services.AddSingleton<Common.Outbox.IOutboxSource, Events.ImportOutboxSource>();
        services.AddScoped<Import.ApplicationImport>();
        services.AddScoped<Public.ApplicantContacts>();
        services.AddScoped<Public.ApplicationPayments>();
        services.AddScoped<Public.ApplicationFigures>();
        services.AddScoped<Public.NationalRecords>();
        services.AddScoped<Public.NationalIntake>();
        services.AddScoped<Public.CountedApplications>();
        services.AddScoped<Catalog.Public.IUnitTreeListener, Reorganisation.ApplicationsFollowTheTree>();
        return builder;
    }

    public static WebApplication MapApplications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").WithTags("Hồ sơ");
        SubmitEndpoint.Map(api);
        TransitionEndpoint.Map(api);
        DocumentEndpoints.Map(api);
        QueryEndpoints.Map(api);
        SlipEndpoints.Map(api);
        Import.ImportEndpoint.Map(api);
        return app;
    }

    /// <summary>
    /// Runs <see cref="ImportCommand"/>: the file after the command's name, read as the API reads it; prints the summary
    /// and the first 100 refused lines. 0 when every line was imported or skipped, 2 when some were refused.
    /// </summary>
    public static async Task<int> ImportAsync(WebApplication app, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var at = args.ToList().IndexOf(ImportCommand);
        if (at < 0 || at + 1 >= args.Count || !File.Exists(args[at + 1]))
        {
            Console.Error.WriteLine($"Cách dùng: {ImportCommand} TỆP.jsonl (tệp JSON Lines, mỗi dòng một hồ sơ; không tìm thấy tệp).");
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await using var file = new FileStream(args[at + 1], FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var summary = await scope.ServiceProvider.GetRequiredService<Import.ApplicationImport>().RunAsync(file, null, ImportCommand, CancellationToken.None);
        Console.WriteLine($"Đã nhập {summary.Imported} hồ sơ, bỏ qua {summary.Skipped} hồ sơ đã có, {summary.Refused} dòng lỗi.");
        foreach (var error in summary.Errors.Take(100))
        {
            Console.WriteLine($"Dòng {error.Line}: {error.Message}");
        }

        if (summary.Refused > 100)
        {
            Console.WriteLine($"… và {summary.Refused - 100} dòng lỗi khác.");
        }

        return summary.Refused > 0 ? 2 : 0;
    }
}
