using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Transitions;

/// <summary>A document to add (name, reason), or with <c>field</c> an e-form answer to correct (the field's key).</summary>
public sealed record SupplementItemInput(string? Name, string? Reason, string? Field = null);

public sealed record TransitionInput(
    string? Action,
    string? Note,
    string? InternalNote,
    string? Reason,
    string? LegalBasis,
    IReadOnlyList<SupplementItemInput>? Items,
    DateTimeOffset? NewDueAt,
    ReturnMethod? ReturnMethod,
    System.Text.Json.JsonElement? Form = null,
    long? Amount = null,
    string? Exemption = null);

/// <summary>One action on one application, as the state machine allows it; the same handler serves the pages.</summary>
public sealed class TransitionHandler(MotCuaDbContext db, ApplicationAccess access, WorkingCalendarProvider calendars, CatalogDirectory catalog, FormValidation forms, IClock clock)
{
    public sealed record Applied(Application Application, Caller Caller);

    public async Task<Result<Applied>> ApplyAsync(
        ClaimsPrincipal user, string code, TransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Payment is confirmed by the payment system; a unit transfer happens only when the tree is reorganised.
        if (!ApplicationActions.TryParse(input.Action, out var action) || action is ApplicationAction.PaymentConfirmed or ApplicationAction.TransferUnit)
        {
            var names = string.Join(", ", ApplicationActions.All.Where(a => a is not (ApplicationAction.PaymentConfirmed or ApplicationAction.TransferUnit)).Select(a => a.Name()));
            return Failure.Invalid("Thao tác không hợp lệ.", ("action", $"Thao tác phải là một trong: {names}."));
        }

        if (InputFailure(input) is { } invalid)
        {
            return invalid;
        }

        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: true, cancellationToken);
        if (application is null)
        {
            return ApplicationFailures.NotFound(code);
        }

        var applied = await ApplyToAsync(application, action, input, caller!.Actor, cancellationToken);
        return applied.Failure is { } failure ? failure : new Applied(application, caller);
    }

    /// <summary>
    /// An action the national portal hands on for an application filed there (a supplement, a withdrawal), made by the
    /// system actor that stands for the portal; <paramref name="application"/> is loaded tracked, with its history.
    /// </summary>
    public async Task<Result<Application>> ApplyForPortalAsync(Application application, Actor portal, TransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ApplicationActions.TryParse(input.Action, out var action) || action is not (ApplicationAction.Supplement or ApplicationAction.Withdraw))
        {
            return Failure.Invalid("Thao tác không hợp lệ.", ("action", "Cổng DVCQG chỉ chuyển bổ sung hồ sơ hoặc rút hồ sơ."));
        }

        if (InputFailure(input) is { } invalid)
        {
            return invalid;
        }

        return await ApplyToAsync(application, action, input, portal, cancellationToken);
    }

    private async Task<Result<Application>> ApplyToAsync(Application application, ApplicationAction action, TransitionInput input, Actor actor, CancellationToken cancellationToken)
    {
        var hasResult = action == ApplicationAction.Approve
            && await db.Set<ApplicationDocument>().AnyAsync(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Result, cancellationToken);
        // The e-form is read only when the request names its fields (a correction asked for, or made): not on every action.
        var procedure = input.Form is not null || input.Items?.Any(i => i?.Field is not null) == true || action is ApplicationAction.Submit or ApplicationAction.RequestPayment
            ? await catalog.ProcedureAsync(application.ProcedureId, application.ProcedureVersion, cancellationToken)
            : null;
        var fees = FeesFor(action, application, procedure, TextRules.Normalize(input.Exemption));
        if (fees.Failure is { } wrongExemption)
        {
            return wrongExemption;
        }

        var fields = procedure?.Form is { } form ? forms.FieldsOf(form) : [];
        var items = input.Items?.Select(i => new SupplementItem(
            TextRules.Normalize(i.Name) ?? fields.FirstOrDefault(f => f.Key == i.Field)?.Label ?? string.Empty,
            TextRules.Normalize(i.Reason) ?? string.Empty,
            TextRules.Normalize(i.Field))).ToList();
        if (items?.FirstOrDefault(i => i.Field is not null && fields.All(f => f.Key != i.Field)) is { } unknown)
        {
            return Failure.Invalid("Thông tin kèm thao tác chưa hợp lệ.", ("items", $"Tờ khai không có trường “{unknown.Field}”."));
        }

        var note = TextRules.Normalize(input.Note);
        string? formJson = null;
        if (input.Form is { } posted)
        {
            var corrected = await CorrectedAsync(application, procedure?.Form, fields, posted);
            if (corrected.Failure is { } wrong)
            {
                return wrong;
            }

            (formJson, var changes) = corrected.Value!;
            var combined = note is null ? changes : $"{changes} {note}";
            note = combined.Length <= TextLimits.Note ? combined : combined[..(TextLimits.Note - 1)] + "…";
        }

        var request = new TransitionRequest(
            action,
            note,
            TextRules.Normalize(input.InternalNote),
            TextRules.Normalize(input.Reason),
            TextRules.Normalize(input.LegalBasis),
            items,
            input.NewDueAt is DateTimeOffset d ? Instant.FromDateTimeOffset(d) : null,
            input.ReturnMethod,
            hasResult,
            formJson,
            // The amount the officer names, else what the procedure's fees come to for this application (channel, exemption).
            action == ApplicationAction.RequestPayment ? input.Amount ?? (fees.Value?.Total is > 0 and var fee ? fee : null) : null,
            fees.Value);
        if (action == ApplicationAction.RequestPayment && request.Amount is long asked)
        {
            request = request with { Note = PaymentRequestNote(asked, fees.Value, request.Reason, request.Note) };
        }

        var now = clock.GetCurrentInstant();
        if (application.Apply(request, actor, await calendars.GetAsync(cancellationToken), now) is { } refusal)
        {
            return ApplicationFailures.From(refusal);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Hồ sơ vừa được người khác xử lý. Tải lại hồ sơ để xem trạng thái mới.");
        }

        return application;
    }

    /// <summary>
    /// What the procedure's fees come to, for the actions that read it: on submit with the exemption the applicant claims
    /// (one the procedure lists), on a payment request with the one claimed then. None for a procedure paid at submission
    /// asked to pay again later: what is asked then is not the catalog's fee.
    /// </summary>
    private static Result<FeesDue?> FeesFor(ApplicationAction action, Application application, ProcedureTerms? procedure, string? exemption)
    {
        if (procedure is null)
        {
            return (FeesDue?)null;
        }

        if (action == ApplicationAction.Submit)
        {
            var claimed = procedure.Exemption(exemption);
            if (exemption is not null && claimed is null)
            {
                return Failure.Invalid("Đối tượng miễn, giảm không hợp lệ.", ("exemption", $"Thủ tục này không có đối tượng miễn, giảm “{exemption}”."));
            }

            return procedure.FeesDueFor(application.Channel.IsOnline(), claimed);
        }

        return action == ApplicationAction.RequestPayment && !application.FeesDueAtSubmission ? application.FeesDueUnder(procedure) : (FeesDue?)null;
    }

    /// <summary>The history line of a payment request: the amount, its lines when they are the computed ones, why it is less, and the officer's note.</summary>
    private static string PaymentRequestNote(long amount, FeesDue? computed, string? reason, string? note)
    {
        var text = $"Số tiền phải nộp: {Money.Vnd(amount)}";
        if (computed is { Items.Count: > 0 } && computed.Total == amount)
        {
            text += " (" + string.Join("; ", computed.Items.Select(i => $"{i.Name}: {Money.Vnd(i.Amount)}")) + ")";
        }

        text += ".";
        if (computed?.Exemption is { } exemption)
        {
            text += $" Người nộp đề nghị {(exemption.Percent == 100 ? "miễn" : $"giảm {exemption.Percent}%")}: {exemption.Category}.";
        }

        if (reason is not null && computed is not null && amount != computed.Total)
        {
            text += $" Số tiền theo mức thu của thủ tục là {Money.Vnd(computed.Total)}; lý do: {reason}";
            text += reason.EndsWith('.') ? string.Empty : ".";
        }

        if (note is not null)
        {
            text += " " + note;
        }

        return text.Length <= TextLimits.Note ? text : text[..(TextLimits.Note - 1)] + "…";
    }

    /// <summary>
    /// The answers after a supplement's corrections: only the fields asked for may change (an empty one is cleared), and
    /// the whole form must still be valid. With them, the history line that says what changed, old and new.
    /// </summary>
    private async Task<Result<(string FormJson, string Changes)>> CorrectedAsync(Application application, FormDefinition? form, IReadOnlyList<FormField> fields, System.Text.Json.JsonElement posted)
    {
        var asked = application.SupplementItems.Where(i => i.Field is not null).Select(i => i.Field!).ToHashSet(StringComparer.Ordinal);
        if (posted.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return Failure.Invalid("Tờ khai sửa lại phải là một đối tượng JSON.", ("form", "Gửi các thông tin đã sửa dạng { \"tênTrường\": giáTrị }."));
        }

        if (posted.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !asked.Contains(name)) is { } extra)
        {
            return Failure.Invalid("Chỉ sửa được các thông tin cơ quan yêu cầu.", ($"form.{extra}", "Cơ quan không yêu cầu sửa thông tin này."));
        }

        var before = System.Text.Json.Nodes.JsonNode.Parse(string.IsNullOrWhiteSpace(application.FormJson) ? "{}" : application.FormJson)!.AsObject();
        var after = before.DeepClone().AsObject();
        foreach (var key in asked)
        {
            after.Remove(key);
            if (posted.TryGetProperty(key, out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                after[key] = System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
            }
        }

        var answers = FormFields.WithoutHidden(fields, System.Text.Json.JsonSerializer.SerializeToElement(after));
        var errors = await forms.ValidateAsync(form, answers);
        if (errors.Count > 0)
        {
            return Failure.Invalid("Thông tin sửa lại chưa hợp lệ. Xem lỗi của từng trường.", errors.Select(e => (e.Key, (string?)e.Value)).ToArray());
        }

        var was = FormFields.Answers(fields, application.FormJson).ToDictionary(a => a.Label, a => a.Value, StringComparer.Ordinal);
        var now = FormFields.Answers(fields, answers.GetRawText()).ToDictionary(a => a.Label, a => a.Value, StringComparer.Ordinal);
        var changed = fields.Where(f => asked.Contains(f.Key))
            .Select(f => (f.Label, Was: was.GetValueOrDefault(f.Label) ?? "(trống)", Now: now.GetValueOrDefault(f.Label) ?? "(trống)"))
            .Where(c => c.Was != c.Now).Select(c => $"{c.Label}: {c.Was} → {c.Now}").ToList();
        var text = changed.Count == 0 ? "Giữ nguyên thông tin tờ khai được yêu cầu kiểm tra." : $"Đã sửa tờ khai — {string.Join("; ", changed)}.";
        return (answers.GetRawText(), text);
    }

    /// <summary>
    /// A transition meant for systems (payment-confirmed), by a system authenticated with its own key: recorded in the
    /// history under the system's name. A system sees every application (it names one by code it was given).
    /// </summary>
    public async Task<Result<Application>> ApplyAsSystemAsync(SystemCaller system, string code, SystemTransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(input);
        if (!ApplicationActions.TryParse(input.Action, out var action) || !SystemCaller.SystemActions.Contains(action.Name()))
        {
            return Failure.Invalid("Thao tác không hợp lệ.", ("action", $"Hệ thống chỉ được thực hiện: {string.Join(", ", SystemCaller.SystemActions)}."));
        }

        if (!system.Actions.Contains(action.Name()))
        {
            return Failure.Forbidden($"Hệ thống {system.Name} không được phép thực hiện thao tác {action.Name()}.");
        }

        if (TextRules.Problem(input.Note, TextLimits.Note) is { } noteProblem)
        {
            return Failure.Invalid("Thông tin kèm thao tác chưa hợp lệ.", ("note", noteProblem));
        }

        var application = await db.Set<Application>().Include(a => a.Events).AsSplitQuery().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (application is null)
        {
            return Failure.NotFound($"Không có hồ sơ mã {code}.");
        }

        var now = clock.GetCurrentInstant();
        var request = new TransitionRequest(action, TextRules.Normalize(input.Note));
        if (application.Apply(request, Actor.System(system.Name), await calendars.GetAsync(cancellationToken), now) is { } refusal)
        {
            return ApplicationFailures.From(refusal);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Hồ sơ vừa được thay đổi. Gửi lại yêu cầu.");
        }

        return application;
    }

    /// <summary>The largest fee one payment request may name (đồng).</summary>
    public const long MaxAmount = 1_000_000_000_000;

    /// <summary>Most items one supplement request may list.</summary>
    public const int MaxSupplementItems = 30;

    /// <summary>Each text within its column's length and free of control characters; a new due date within 2000–2100.</summary>
    private static Failure? InputFailure(TransitionInput input)
    {
        var items = input.Items ?? [];
        var itemProblem = items.Count > MaxSupplementItems ? $"Tối đa {MaxSupplementItems} giấy tờ cần bổ sung."
            : items.Any(i => i is null) ? "Mỗi giấy tờ cần bổ sung là một mục có tên (name) và lý do (reason)."
            : items.Select(i => TextRules.Problem(i.Name, TextLimits.DocumentName) ?? TextRules.Problem(i.Reason, TextLimits.Note)
                ?? TextRules.Problem(i.Field, TextLimits.DocumentName)).FirstOrDefault(p => p is not null);
        (string Field, string? Message)[] fields =
        [
            ("note", TextRules.Problem(input.Note, TextLimits.Note)),
            ("internalNote", TextRules.Problem(input.InternalNote, TextLimits.Note)),
            ("reason", TextRules.Problem(input.Reason, TextLimits.Note)),
            ("legalBasis", TextRules.Problem(input.LegalBasis, TextLimits.LegalBasis)),
            ("items", itemProblem),
            ("newDueAt", input.NewDueAt is { } due && !SensibleDates.Contains(due) ? SensibleDates.Message : null),
            ("amount", input.Amount is < 1 or > MaxAmount ? "Số tiền phải nộp từ 1 đến 1.000.000.000.000 đồng." : null),
            ("exemption", TextRules.Problem(input.Exemption, 400)),
        ];
        return fields.Any(f => f.Message is not null) ? Failure.Invalid("Thông tin kèm thao tác chưa hợp lệ.", fields) : null;
    }
}

/// <summary>What a system sends: the action ("payment-confirmed") and a note for the history (e.g. its transaction reference).</summary>
public sealed record SystemTransitionInput(string? Action, string? Note);

internal static class TransitionEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/applications/{code}/transitions", Transition)
            .WithName("TransitionApplication")
            .WithSummary("Thao tác trên hồ sơ: receive, refuse, request-supplement, supplement, forward, approve, reject, return-result, withdraw, suspend, resume …")
            .RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        api.MapPost("/system/applications/{code}/transitions", SystemTransition)
            .WithName("SystemTransitionApplication")
            .WithSummary("Thao tác của hệ thống bên ngoài (payment-confirmed), xác thực bằng khóa riêng: Authorization: ApiKey …")
            .RequireAuthorization(SystemCaller.Policy);
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> SystemTransition(
        string code, SystemTransitionInput input, ClaimsPrincipal user, TransitionHandler handler, MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var system = SystemCaller.From(user);
        if (system is null)
        {
            return Problems.Unauthorized("Cần khóa của hệ thống (Authorization: ApiKey …) hợp lệ.");
        }

        var applied = await handler.ApplyAsSystemAsync(system, code, input, cancellationToken);
        if (applied.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var application = applied.Value!;
        var documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application, documents, forOfficer: false));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Transition(
        string code, TransitionInput input, ClaimsPrincipal user, TransitionHandler handler, MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var applied = await handler.ApplyAsync(user, code, input, cancellationToken);
        if (applied.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var (application, caller) = applied.Value!;
        var documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application, documents, caller.IsOfficer));
    }
}
