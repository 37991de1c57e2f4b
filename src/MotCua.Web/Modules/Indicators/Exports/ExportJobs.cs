using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators.Exports;

/// <summary>Configuration "Exports": how often an idle worker looks for queued jobs, and when a running one counts as abandoned.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    [Range(1, 300)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>A job running with no sign of life for this long (its node stopped) is taken over by another worker.</summary>
    [Range(1, 1440)]
    public int StaleMinutes { get; set; } = 10;

    /// <summary>Tries before a job that keeps being abandoned is given up.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>POST /api/v1/exports: kind "handling", format "xlsx" or "pdf", the unit and the days (or a named period).</summary>
public sealed record ExportRequest(string? Kind, string? Format, int? UnitId, string? From, string? To, string? Period = null);

/// <summary>An export job as its requester sees it; <paramref name="DownloadUrl"/> once it is done.</summary>
public sealed record ExportView(Guid Id, string Kind, string Format, string State, int Progress, string? FileName, string? DownloadUrl, string? Error);

/// <summary>Wakes this node's worker at once when a job is queued here (other nodes find it on their next look).</summary>
public sealed class ExportSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Poke()
    {
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already poked.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _queued.Dispose();
}

/// <summary>
/// Reports made in the background: asked for (checked as the report itself would check them), claimed by one worker
/// among the nodes (an UPDATE … WHERE state = 'Queued' that only one can win), made with progress, kept in the file
/// storage, shown and downloaded only by whoever asked (and the province admin).
/// </summary>
public sealed class ExportJobs(
    MotCuaDbContext db, IndicatorReport indicators, HandlingReport handling, CatalogDirectory catalog, AccountDirectory accounts, IFileStorage storage,
    ExportSignal signal, IOptions<ExportOptions> options, IClock clock, ILogger<ExportJobs> logger)
{
    public const string HandlingKind = "handling";

    /// <summary>The indicators of a unit and of every unit below it, with the ranking: the long one for a whole province.</summary>
    public const string IndicatorsKind = "indicators";

    private sealed record HandlingParameters(int UnitId, string From, string To);

    public static string DownloadUrl(Guid id) => $"/api/v1/exports/{id}/file";

    public static string PageUrl(Guid id) => $"/can-bo/xuat-bao-cao/{id}";

    public async Task<Result<ExportView>> CreateAsync(ClaimsPrincipal user, ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind?.Trim();
        var format = request.Format?.Trim().ToLowerInvariant();
        var kindError = kind is HandlingKind or IndicatorsKind ? null
            : "Loại báo cáo (kind) là handling (báo cáo tình hình giải quyết hồ sơ) hoặc indicators (các chỉ số của đơn vị và các đơn vị trực thuộc).";
        var formatError = format is HandlingDocuments.Xlsx or HandlingDocuments.Pdf ? null : "Định dạng (format) là xlsx hoặc pdf.";
        if (kindError is not null || formatError is not null)
        {
            return Failure.Invalid("Yêu cầu xuất báo cáo chưa hợp lệ.", ("kind", kindError), ("format", formatError));
        }

        var chosen = await indicators.ChooseAsync(user, request.UnitId, request.From, request.To, cancellationToken, request.Period);
        if (chosen.Failure is { } failure)
        {
            return failure;
        }

        if (accounts.UserId(user) is not Guid requester)
        {
            return Failure.Forbidden("Chỉ cán bộ và quản trị viên xuất được báo cáo.");
        }

        var (unit, from, to) = chosen.Value!;
        var job = new ExportJob
        {
            Id = Guid.NewGuid(),
            Kind = kind!,
            Format = format!,
            Parameters = JsonSerializer.Serialize(new HandlingParameters(unit.Id, LocalDatePattern.Iso.Format(from), LocalDatePattern.Iso.Format(to)), ParametersJson),
            RequestedBy = requester,
            State = ExportState.Queued,
            CreatedAt = clock.GetCurrentInstant(),
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
        return View(job);
    }

    /// <summary>The job, when the caller asked for it or is the province admin; null otherwise (as if there were none).</summary>
    public async Task<ExportJob?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var job = await db.Set<ExportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is not null && (job.RequestedBy == accounts.UserId(user) || user.IsInRole(Roles.ProvinceAdmin)) ? job : null;
    }

    public static ExportView View(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ExportView(job.Id, job.Kind, job.Format, job.State.ToString(), job.Progress, job.FileName,
            job.State == ExportState.Done ? DownloadUrl(job.Id) : null, job.Error);
    }

    /// <summary>What the job reports on, to say it on its page: the unit and the days.</summary>
    public async Task<(string UnitName, LocalDate From, LocalDate To)?> SubjectAsync(ExportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var parameters = JsonSerializer.Deserialize<HandlingParameters>(job.Parameters, ParametersJson);
        return parameters is not null && await catalog.UnitAsync(parameters.UnitId, cancellationToken) is { } unit
            ? (unit.Name, LocalDatePattern.Iso.Parse(parameters.From).Value, LocalDatePattern.Iso.Parse(parameters.To).Value)
            : null;
    }

    public Task<Stream> OpenAsync(ExportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return storage.OpenReadAsync(job.StorageKey ?? throw new InvalidOperationException("The export has no file yet."), cancellationToken);
    }

    /// <summary>
    /// Claims the oldest queued job (or one abandoned by a stopped node) and makes it. False when there was nothing to
    /// claim; true when this worker made one, or lost the claim to another (so it looks again).
    /// </summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var stale = now - Duration.FromMinutes(options.Value.StaleMinutes);
        var jobs = db.Set<ExportJob>();
        var next = await jobs.AsNoTracking()
            .Where(j => j.State == ExportState.Queued || (j.State == ExportState.Running && j.HeartbeatAt < stale))
            .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.State, j.HeartbeatAt, j.Attempts }).FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return false;
        }

        // Only one UPDATE can find the row as it was read: the node whose update changed a row has the job.
        var claim = next.State == ExportState.Queued
            ? jobs.Where(j => j.Id == next.Id && j.State == ExportState.Queued)
            : jobs.Where(j => j.Id == next.Id && j.State == ExportState.Running && j.HeartbeatAt == next.HeartbeatAt);
        var claimed = await claim.ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ExportState.Running)
            .SetProperty(j => j.StartedAt, now)
            .SetProperty(j => j.HeartbeatAt, now)
            .SetProperty(j => j.Progress, 5)
            .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
        if (claimed != 1)
        {
            return true;
        }

        if (next.Attempts + 1 > options.Value.MaxAttempts)
        {
            await FailAsync(next.Id, "Đã thử lập báo cáo nhiều lần mà không xong; hãy yêu cầu lại.", cancellationToken);
            return true;
        }

        await MakeAsync(next.Id, cancellationToken);
        return true;
    }

    private async Task MakeAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.Set<ExportJob>().AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        try
        {
            var parameters = JsonSerializer.Deserialize<HandlingParameters>(job.Parameters, ParametersJson)
                ?? throw new InvalidOperationException("The export's parameters are empty.");
            if (await catalog.UnitAsync(parameters.UnitId, cancellationToken) is not { } unit)
            {
                await FailAsync(id, "Đơn vị của báo cáo không còn trong danh mục.", cancellationToken);
                return;
            }

            var choice = new ReportChoice(unit, LocalDatePattern.Iso.Parse(parameters.From).Value, LocalDatePattern.Iso.Parse(parameters.To).Value);
            byte[] content;
            string contentType, fileName;
            if (job.Kind == IndicatorsKind)
            {
                (content, contentType, fileName) = await indicators.RenderAsync(choice, job.Format, cancellationToken);
            }
            else
            {
                var sheet = await handling.ComputeAsync(choice, cancellationToken);
                await ProgressAsync(id, 60, cancellationToken);
                (content, contentType, fileName) = await handling.RenderAsync(sheet, job.Format, clock.GetCurrentInstant(), cancellationToken);
            }

            await ProgressAsync(id, 90, cancellationToken);
            string key;
            using (var stream = new MemoryStream(content, writable: false))
            {
                key = await storage.SaveAsync(stream, cancellationToken);
            }

            var finished = clock.GetCurrentInstant();
            var done = await db.Set<ExportJob>().Where(j => j.Id == id && j.State == ExportState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, ExportState.Done)
                .SetProperty(j => j.Progress, 100)
                .SetProperty(j => j.StorageKey, key)
                .SetProperty(j => j.FileName, fileName)
                .SetProperty(j => j.ContentType, contentType)
                .SetProperty(j => j.HeartbeatAt, finished)
                .SetProperty(j => j.FinishedAt, finished), cancellationToken);
            if (done != 1)
            {
                // Taken over meanwhile (this node looked dead): the other worker's file stands.
                await storage.DeleteAsync(key, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Export job {Id} failed", id);
            await FailAsync(id, "Không lập được báo cáo; hãy thử lại, nếu vẫn lỗi xin báo quản trị hệ thống.", cancellationToken);
        }
    }

    private Task<int> ProgressAsync(Guid id, int progress, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return db.Set<ExportJob>().Where(j => j.Id == id && j.State == ExportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, progress).SetProperty(j => j.HeartbeatAt, now), cancellationToken);
    }

    private Task<int> FailAsync(Guid id, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return db.Set<ExportJob>().Where(j => j.Id == id && j.State == ExportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ExportState.Failed).SetProperty(j => j.Error, error).SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    private static readonly JsonSerializerOptions ParametersJson = new(JsonSerializerDefaults.Web);
}

/// <summary>Makes queued export jobs, one at a time per node; safe beside the workers of other nodes.</summary>
internal sealed class ExportWorker(IServiceScopeFactory scopes, ExportSignal signal, IOptions<ExportOptions> options, ILogger<ExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool more;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    more = await scope.ServiceProvider.GetRequiredService<ExportJobs>().RunNextAsync(stoppingToken);
                }
                while (more && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking for export jobs failed; trying again in {Seconds} s", every.TotalSeconds);
            }

            try
            {
                await signal.WaitAsync(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
