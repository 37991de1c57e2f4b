using System.Collections.Concurrent;
using Fluid;
using Fluid.Ast;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Templates;

/// <summary>
/// The wording of every notification: the province's own where the admin changed it, the default otherwise; rendered
/// with Fluid (Liquid), which reaches nothing but the variables given. Every channel reads the same title and text.
/// </summary>
public sealed class NotificationTemplates(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<PortalOptions> portal, IClock clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const string CacheKey = "notifications:templates";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { MaxSteps = 10_000, MaxRecursion = 10 };
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);

    /// <summary>The title and text the applicant gets for this event, or null when they do not hear of it.</summary>
    public async Task<NotificationText?> TextForAsync(Sending.ApplicantEvent message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TemplateCatalog.KeyFor(message) is not { } key)
        {
            return null;
        }

        var wording = (await CustomAsync(cancellationToken)).GetValueOrDefault(key) is { } custom
            ? (custom.Title, custom.Body)
            : (TemplateCatalog.Find(key)!.Title, TemplateCatalog.Find(key)!.Body);
        var values = TemplateCatalog.Values(message, portal.Value.Url("/ho-so/" + Uri.EscapeDataString(message.Code)));
        return Render(wording.Item1, wording.Item2, values);
    }

    /// <summary>The wording in use for a key, and whether it is the province's own.</summary>
    public async Task<(string Title, string Body, bool Custom)> WordingAsync(string key, CancellationToken cancellationToken)
    {
        var entry = TemplateCatalog.Find(key) ?? throw new ArgumentException($"No notification template {key}.", nameof(key));
        return (await CustomAsync(cancellationToken)).GetValueOrDefault(key) is { } custom ? (custom.Title, custom.Body, true) : (entry.Title, entry.Body, false);
    }

    /// <summary>The admin's list: every key with whether the province changed it.</summary>
    public async Task<IReadOnlySet<string>> CustomizedAsync(CancellationToken cancellationToken) =>
        (await CustomAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>What a wording says for a sample application (the preview).</summary>
    public NotificationText Preview(string title, string body) =>
        Render(title, body, TemplateCatalog.Sample(portal.Value.Url("/ho-so/000.01.00.H99-261201-0001")));

    /// <summary>Saves the province's wording after <see cref="Check"/> found nothing wrong; other nodes read it within <see cref="Lifetime"/>.</summary>
    public async Task SaveAsync(string key, string title, string body, string by, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var row = await db.Set<NotificationTemplate>().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        var before = row is null ? null : new { row.Title, row.Body };
        if (row is null)
        {
            db.Add(row = new NotificationTemplate { Key = key });
        }

        scope.ServiceProvider.GetRequiredService<Audit.Public.AuditTrail>().Record(null, by, "notification-template.save", $"notification-template:{key}", before, new { Title = title, Body = body });

        row.Title = title;
        row.Body = body;
        row.UpdatedAt = clock.GetCurrentInstant();
        row.UpdatedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(CacheKey);
    }

    /// <summary>Back to the default wording.</summary>
    public async Task ResetAsync(string key, string by, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        if (await db.Set<NotificationTemplate>().SingleOrDefaultAsync(t => t.Key == key, cancellationToken) is { } row)
        {
            db.Remove(row);
            scope.ServiceProvider.GetRequiredService<Audit.Public.AuditTrail>().Record(null, by, "notification-template.reset", $"notification-template:{key}", new { row.Title, row.Body }, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Remove(CacheKey);
    }

    /// <summary>
    /// What is wrong with a wording, field by field, in words the admin understands: a Liquid syntax error, a variable
    /// that does not exist (a typo would print nothing), an empty title, or too long a text.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(string? title, string? body)
    {
        var problems = new List<(string, string)>();
        foreach (var (field, text, limit) in new[] { ("Title", title, NotificationTemplate.TitleMaxLength), ("Body", body, NotificationTemplate.BodyMaxLength) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add((field, field == "Title" ? "Nhập tiêu đề thông báo." : "Nhập nội dung thông báo."));
                continue;
            }

            if (TextRules.Problem(text, limit) is { } textProblem)
            {
                problems.Add((field, textProblem));
                continue;
            }

            if (!Parser.TryParse(text, out var template, out var error))
            {
                problems.Add((field, $"Mẫu viết sai cú pháp: {error}. Biến viết trong {{{{ }}}}, lệnh trong {{% %}}."));
                continue;
            }

            var unknown = VariableNames.Of(template).Where(v => !TemplateCatalog.Variables.ContainsKey(v)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add((field, $"Không có biến {string.Join(", ", unknown.Select(u => "“" + u + "”"))}. Các biến dùng được: {string.Join(", ", TemplateCatalog.Variables.Keys)}."));
            }
        }

        return problems;
    }

    /// <summary>A wording rendered with these values; the title on one line, both cut to their column's length.</summary>
    public static NotificationText Render(string title, string body, Dictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        static string Clip(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
        var renderedTitle = OneLine(Template(title).Render(context));
        var renderedBody = Template(body).Render(context).Trim();
        return new NotificationText(Clip(renderedTitle, NotificationTemplate.TitleMaxLength), Clip(renderedBody, NotificationTemplate.BodyMaxLength));
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Parsed once per wording; a wording that no longer parses (edited in the database by hand) prints as it is.</summary>
    private static IFluidTemplate Template(string source) =>
        Parsed.GetOrAdd(source, s => Parser.TryParse(s, out var template, out _) ? template : Parser.Parse("{% raw %}" + s.Replace("{% endraw %}", string.Empty, StringComparison.Ordinal) + "{% endraw %}"));

    private async Task<IReadOnlyDictionary<string, NotificationTemplate>> CustomAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<NotificationTemplate>().AsNoTracking().ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<string, NotificationTemplate>)rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        }))!;

    /// <summary>The names a template reads: the first part of every variable, less those it makes itself (for, assign, capture).</summary>
    private sealed class VariableNames : AstVisitor
    {
        private readonly HashSet<string> _read = new(StringComparer.Ordinal);
        private readonly HashSet<string> _made = new(StringComparer.Ordinal) { "forloop", "blank", "empty", "nil", "null", "true", "false" };

        public static IEnumerable<string> Of(IFluidTemplate template)
        {
            var visitor = new VariableNames();
            visitor.VisitTemplate(template);
            return visitor._read.Except(visitor._made).Order(StringComparer.Ordinal);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.FirstOrDefault() is IdentifierSegment first)
            {
                _read.Add(first.Identifier);
            }

            return base.VisitMemberExpression(memberExpression);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            _made.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            _made.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            _made.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }
    }
}
