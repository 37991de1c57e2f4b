using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Domain;

/// <summary>
/// One request by one applicant for one procedure (hồ sơ). Every change goes through <see cref="Apply"/>, which holds
/// the whole state machine of DESIGN.md §4: who may do what, from which status, and what happens to the clock.
/// </summary>
public sealed class Application
{
    private readonly List<ApplicationEvent> _events = [];

    private Application()
    {
        Code = ProcedureCode = ProcedureName = UnitPath = ApplicantName = FormJson = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>{unit code}-{yyMMdd}-{daily sequence} (Circular 03/2025).</summary>
    public string Code { get; private set; }

    public int ProcedureId { get; private set; }
    public string ProcedureCode { get; private set; }
    public string ProcedureName { get; private set; }

    /// <summary>The version of the procedure's terms it was filed under: it keeps them when the catalog changes.</summary>
    public int ProcedureVersion { get; private set; } = 1;
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; }

    /// <summary>The applicant's account; null for a walk-in applicant without one (counter, post).</summary>
    public Guid? ApplicantId { get; private set; }

    public string ApplicantName { get; private set; }
    public string? ApplicantIdentityNumber { get; private set; }
    public string? ApplicantPhone { get; private set; }
    public string? ApplicantEmail { get; private set; }
    public string? ApplicantAddress { get; private set; }

    /// <summary>
    /// The applicant's identity was verified with the national identity (VNeID, level 2) when it was filed: signed in
    /// through it, or filed on the national portal, which signs in only that way.
    /// </summary>
    public bool IdentityVerified { get; private set; }

    /// <summary>The documents national databases supplied (or were asked for and could not): see <see cref="NationalDataUse"/>.</summary>
    public List<NationalDataUse> NationalData { get; private set; } = [];

    /// <summary>National data replaced at least one document of the file (a 766 indicator).</summary>
    public bool UsedNationalData => NationalData.Any(d => d.Used);

    /// <summary>The officer who keyed the application in (counter, post, assisted).</summary>
    public Guid? CreatedById { get; private set; }

    public Channel Channel { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public string FormJson { get; private set; }

    /// <summary>The legal time limit that applies to this application (online may be shorter).</summary>
    public ProcessingTime TimeLimit { get; private set; } = new(1, TimeUnit.WorkingDays);

    public List<ApplicationStep> Steps { get; private set; } = [];
    public int? CurrentStep { get; private set; }

    /// <summary>Copies of the current step's role and unit, so inboxes are one indexed query.</summary>
    public StepRole? CurrentRole { get; private set; }

    public string? CurrentUnitPath { get; private set; }

    public Instant CreatedAt { get; private set; }
    public Instant? SubmittedAt { get; private set; }
    public Instant? ReceivedAt { get; private set; }
    public Instant? DueAt { get; private set; }
    public Instant? FinishedAt { get; private set; }
    public Instant? ReturnedAt { get; private set; }
    public Timeliness? Timeliness { get; private set; }
    public ReturnMethod? ReturnMethod { get; private set; }

    /// <summary>A required document is missing: reception asks for everything at once.</summary>
    public bool MissingDocuments { get; private set; }

    /// <summary>For OnlineAssisted: who helped, and that the applicant agreed.</summary>
    public string? Consent { get; private set; }

    public int SupplementCount { get; private set; }
    public List<SupplementItem> SupplementItems { get; private set; } = [];

    /// <summary>While the clock stops (supplement, payment, suspension): since when, and where to go back.</summary>
    public Instant? PausedAt { get; private set; }

    public ApplicationStatus? ResumeStatus { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>What the applicant must pay (đồng), as the last payment request (or, paid at submission, the filing) said; null when it named no amount.</summary>
    public long? AmountDue { get; private set; }

    /// <summary>What <see cref="AmountDue"/> is made of, line by line (name, phí or lệ phí, amount); empty when it names no lines.</summary>
    public IReadOnlyList<FeeItem> FeeItems => (IReadOnlyList<FeeItem>?)_feeItems ?? [];

    private List<FeeItem>? _feeItems = [];

    /// <summary>The procedure collects its fee with the application: reception receives it only once the fee is paid.</summary>
    public bool FeesDueAtSubmission { get; private set; }

    /// <summary>When the fee last asked for was paid (online or at the desk).</summary>
    public Instant? FeePaidAt { get; private set; }

    /// <summary>The exemption the applicant claims (the category as the procedure words it), its share and legal basis; null when none.</summary>
    public string? ExemptionCategory { get; private set; }

    public int? ExemptionPercent { get; private set; }
    public string? ExemptionLegalBasis { get; private set; }

    /// <summary>Filed, paid at submission and not yet paid: reception waits for the fee.</summary>
    public bool AwaitsFeeAtSubmission => Status == ApplicationStatus.Submitted && FeesDueAtSubmission && AmountDue > 0 && FeePaidAt is null;

    /// <summary>What the procedure's terms make this application pay: its channel's amounts, less the exemption it claims.</summary>
    public FeesDue FeesDueUnder(ProcedureTerms procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.FeesDueFor(Channel.IsOnline(), procedure.Exemption(ExemptionCategory));
    }
    public string? LegalBasis { get; private set; }
    public Instant? ApologyNewDueAt { get; private set; }
    public string? ApologyReason { get; private set; }

    /// <summary>When it was imported from the system the province used before MotCua; null for an application filed here.</summary>
    public Instant? ImportedAt { get; private set; }

    /// <summary>
    /// The application's code at the national public-service portal, for one submitted there and handed to MotCua as the
    /// province system; null for one filed on MotCua's own portal, at the desk or imported.
    /// </summary>
    public string? NationalCode { get; private set; }

    /// <summary>Where it was filed: on MotCua (its portal or the desk), on the national portal, or in the former system.</summary>
    public ApplicationSource Source => ImportedAt is not null ? ApplicationSource.Imported
        : NationalCode is not null ? ApplicationSource.NationalPortal : ApplicationSource.Portal;

    /// <summary>
    /// What the national databases answered for the documents they supply, looked up as the application is filed; a
    /// document used counts as attached (<paramref name="stillMissing"/> says whether a required one is still missing).
    /// </summary>
    public void RecordNationalData(IEnumerable<NationalDataUse> uses, bool stillMissing)
    {
        ArgumentNullException.ThrowIfNull(uses);
        NationalData = [.. NationalData, .. uses];
        MissingDocuments = stillMissing;
    }

    /// <summary>Imported: the other system says the fee was paid online (its payments are not in MotCua's payment module).</summary>
    public bool ImportedPaidOnline { get; private set; }

    /// <summary>Imported: the other system says every input document was digitized (its files are not in MotCua).</summary>
    public bool ImportedInputsDigitized { get; private set; }

    /// <summary>Optimistic concurrency: two officers acting at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ApplicationEvent> Events => _events;

    /// <summary>A new application in Draft.</summary>
    public static Application Start(
        string code,
        ProcedureTerms procedure,
        UnitCard unit,
        IReadOnlyDictionary<string, UnitCard> stepUnits,
        ApplicantInfo applicant,
        Channel channel,
        string formJson,
        bool missingDocuments,
        Guid? createdById,
        string? consent,
        Instant now,
        string? nationalCode = null,
        bool identityVerified = false)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(stepUnits);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicant.Name);
        return new Application
        {
            Code = code,
            ProcedureId = procedure.Id,
            ProcedureCode = procedure.Code,
            ProcedureName = procedure.Name,
            ProcedureVersion = procedure.Version,
            UnitId = unit.Id,
            UnitPath = unit.Path,
            ApplicantId = applicant.UserId,
            ApplicantName = applicant.Name,
            ApplicantIdentityNumber = applicant.IdentityNumber,
            ApplicantPhone = applicant.Phone,
            ApplicantEmail = applicant.Email,
            ApplicantAddress = applicant.Address,
            CreatedById = createdById,
            Channel = channel,
            Status = ApplicationStatus.Draft,
            FormJson = formJson,
            MissingDocuments = missingDocuments,
            Consent = consent,
            NationalCode = nationalCode,
            IdentityVerified = identityVerified,
            TimeLimit = procedure.TimeLimitFor(channel.IsOnline()),
            Steps = StepsOf(procedure, unit, stepUnits),
            FeesDueAtSubmission = procedure.PaymentDue == PaymentTiming.AtSubmission,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// An application handled in the province's former system, as it stands there: its dates, status, fee and history
    /// are taken as they are (no transition runs, nobody is told). It keeps a copy of the procedure's workflow; one still
    /// open waits at the first processing step, so officers carry it on here. Timeliness is judged as MotCua judges its
    /// own (<see cref="IWorkingTime.Classify"/> of the finished moment against the due date). MotCua has no resting
    /// "Received" status (reception hands the file to the first step at once): such a line is in progress here.
    /// </summary>
    public static Application Import(
        ImportedApplication line,
        ProcedureTerms procedure,
        UnitCard unit,
        IReadOnlyDictionary<string, UnitCard> stepUnits,
        Guid? importedById,
        IWorkingTime time,
        Instant now)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(stepUnits);
        ArgumentNullException.ThrowIfNull(time);
        var status = line.Status == ApplicationStatus.Received ? ApplicationStatus.InProgress : line.Status;
        var application = new Application
        {
            Code = line.Code,
            ProcedureId = procedure.Id,
            ProcedureCode = procedure.Code,
            ProcedureName = procedure.Name,
            ProcedureVersion = procedure.Version,
            UnitId = unit.Id,
            UnitPath = unit.Path,
            ApplicantName = line.ApplicantName ?? ImportLines.PlaceholderApplicant,
            CreatedById = importedById,
            Channel = line.Channel,
            Status = status,
            FormJson = "{}",
            TimeLimit = procedure.TimeLimitFor(line.Channel.IsOnline()),
            Steps = StepsOf(procedure, unit, stepUnits),
            FeesDueAtSubmission = procedure.PaymentDue == PaymentTiming.AtSubmission,
            CreatedAt = line.SubmittedAt,
            SubmittedAt = line.SubmittedAt,
            ReceivedAt = line.ReceivedAt,
            DueAt = line.DueAt,
            FinishedAt = line.FinishedAt,
            ReturnedAt = line.ReturnedAt,
            Timeliness = line.FinishedAt is Instant finished && line.DueAt is Instant due ? time.Classify(finished, due) : null,
            ReturnMethod = line.ReturnChannel switch
            {
                ReturnChannel.Online => Domain.ReturnMethod.Online,
                ReturnChannel.Counter => Domain.ReturnMethod.Desk,
                ReturnChannel.Postal => Domain.ReturnMethod.Post,
                _ => null,
            },
            AmountDue = line.FeeAmount > 0 ? line.FeeAmount : null,
            FeePaidAt = line.PaidOnline ? line.ReceivedAt ?? line.SubmittedAt : null,
            ImportedAt = now,
            ImportedPaidOnline = line.PaidOnline,
            ImportedInputsDigitized = line.InputsDigitized,
        };

        if (!status.IsFinal() && status != ApplicationStatus.Submitted && line.ReceivedAt is not null && line.DueAt is not null)
        {
            application.PlanSteps(time, line.ReceivedAt!.Value, line.DueAt!.Value);
            if (application.Steps.Count > 0 && application.FirstProcessingStep == 1)
            {
                application.Steps[0].CompletedAt = line.ReceivedAt;
            }

            application.EnterStep(application.FirstProcessingStep, line.ReceivedAt!.Value);
            if (status is ApplicationStatus.SupplementRequested or ApplicationStatus.AwaitingPayment or ApplicationStatus.Suspended)
            {
                application.Pause(ApplicationStatus.InProgress, line.Events.Count > 0 ? line.Events.Max(e => e.At) : line.ReceivedAt!.Value);
            }
        }

        // The history as the other system kept it, in time order; each line's status carries on from the one before.
        var previous = ApplicationStatus.Submitted;
        var ordered = line.Events.OrderBy(e => e.At).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            var to = e.Status ?? (i == ordered.Count - 1 ? status : previous);
            application._events.Add(new ApplicationEvent(i + 1, e.Action, previous, to, e.Actor, unit.Id, e.At, e.Note));
            previous = to;
        }

        return application;
    }

    /// <summary>
    /// The applicant changes their draft before sending it: the answers, and perhaps the office (which gives it a new
    /// code in that office's series, as it was never sent) and the procedure's current terms.
    /// </summary>
    public Refusal? ReviseDraft(string code, ProcedureTerms procedure, UnitCard unit, IReadOnlyDictionary<string, UnitCard> stepUnits, string formJson, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(stepUnits);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (Status != ApplicationStatus.Draft)
        {
            return new Refusal(RefusalKind.Conflict, "Hồ sơ đã gửi; không sửa được tờ khai. Nếu cơ quan yêu cầu sửa, bạn sửa trong phần bổ sung hồ sơ.");
        }

        if (!IsApplicant(actor) && !FiledBy(actor) && !(actor.Kind == ActorKind.Officer && OfficerKeyedIn && actor.Acts(StepRole.Reception, UnitPath)))
        {
            return new Refusal(RefusalKind.Forbidden, "Chỉ người lập bản nháp mới sửa được bản nháp này.");
        }

        if (procedure.Id != ProcedureId)
        {
            throw new ArgumentException("A draft stays on its procedure.", nameof(procedure));
        }

        Code = code;
        ProcedureName = procedure.Name;
        ProcedureVersion = procedure.Version;
        UnitId = unit.Id;
        UnitPath = unit.Path;
        FormJson = formJson;
        TimeLimit = procedure.TimeLimitFor(Channel.IsOnline());
        Steps = StepsOf(procedure, unit, stepUnits);
        FeesDueAtSubmission = procedure.PaymentDue == PaymentTiming.AtSubmission;
        Version++;
        return null;
    }

    /// <summary>The application's own copy of the workflow: a step without a unit of its own is done where it was filed.</summary>
    private static List<ApplicationStep> StepsOf(ProcedureTerms procedure, UnitCard unit, IReadOnlyDictionary<string, UnitCard> stepUnits) =>
        procedure.Workflow.Select(s =>
        {
            var stepUnit = s.UnitCode is null ? unit : stepUnits[s.UnitCode];
            return new ApplicationStep(s.Name, s.Role, stepUnit.Id, stepUnit.Path, s.Share);
        }).ToList();

    /// <summary>Documents can be added until reception, and again while a supplement is asked for.</summary>
    public bool AcceptsDocumentsFrom(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var open = Status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.SupplementRequested;
        return open && (IsApplicant(actor) || FiledBy(actor) || FromNationalPortal(actor) || (actor.Kind == ActorKind.Officer && actor.Acts(StepRole.Reception, UnitPath)));
    }

    /// <summary>
    /// Only the officer who holds the current step's role at its unit may attach the result, or a leader there when the
    /// step is the last one (the leader approves and signs).
    /// </summary>
    public bool AcceptsResultFrom(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind == ActorKind.Officer && Status == ApplicationStatus.InProgress && Step is { } step
            && (actor.Acts(step.Role, step.UnitPath) || (AtLastStep && actor.Acts(StepRole.Leader, step.UnitPath)));
    }

    /// <summary>
    /// A document was added: whether a required one is still missing, and a new version, so two uploads at once cannot
    /// both pass the per-application cap (the second save fails its concurrency check and counts again).
    /// </summary>
    public void RecordDocumentAdded(bool stillMissing)
    {
        MissingDocuments = stillMissing;
        Version++;
    }

    public void RecordMissingDocuments(bool missing) => MissingDocuments = missing;

    public bool IsLate(Instant now) =>
        Timeliness == Calendar.Public.Timeliness.Late || (DueAt is Instant due && FinishedAt is null && !Status.IsFinal() && now > due);

    public ApplicationStep? Step => CurrentStep is int i ? Steps[i] : null;

    /// <summary>Index of the first processing step: a leading Reception step is the receipt itself.</summary>
    private int FirstProcessingStep => Steps.Count > 1 && Steps[0].Role == StepRole.Reception ? 1 : 0;

    private bool AtLastStep => CurrentStep == Steps.Count - 1;

    /// <summary>Does the action, or says why not and changes nothing.</summary>
    public Refusal? Apply(TransitionRequest request, Actor actor, IWorkingTime time, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(time);

        if (Permit(request.Action, actor) is { } refused)
        {
            return refused;
        }

        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        Do(request, actor, time, now);
        Version++;
        return null;
    }

    /// <summary>
    /// The actions this actor may take now: exactly those <see cref="Apply"/> would not refuse before looking at what the
    /// request carries (a reason, the items, the result document), so pages offer nothing the state machine refuses.
    /// </summary>
    public IReadOnlyList<ApplicationAction> AvailableActions(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Enum.GetValues<ApplicationAction>().Where(action => Permit(action, actor) is null).ToList();
    }

    /// <summary>Whether the action is open now to this actor: status, step, who acts, and the one-time rules.</summary>
    private Refusal? Permit(ApplicationAction action, Actor actor)
    {
        if (Status.IsFinal())
        {
            return new Refusal(RefusalKind.Conflict, $"Hồ sơ đã kết thúc ({Status.Vietnamese().ToLowerInvariant()}); không thể thực hiện thêm thao tác.");
        }

        if (!MayEverDo(actor, action))
        {
            return new Refusal(RefusalKind.Forbidden, $"Tài khoản của bạn không được thực hiện thao tác “{action.Vietnamese()}” với hồ sơ này.");
        }

        if (!AllowedFrom(action).Contains(Status) || (action == ApplicationAction.Forward && AtLastStep)
            || (action == ApplicationAction.Approve && !AtLastStep))
        {
            return new Refusal(RefusalKind.Conflict, ConflictMessage(action));
        }

        return WhoActs(action, actor) ?? OneTimeRules(action);
    }

    /// <summary>Rules that depend on what already happened to the application, not on the request.</summary>
    private Refusal? OneTimeRules(ApplicationAction action) => action switch
    {
        ApplicationAction.RequestSupplement when SupplementCount > 0 =>
            new Refusal(RefusalKind.Conflict, "Hồ sơ này đã được yêu cầu bổ sung một lần; theo quy định chỉ yêu cầu bổ sung một lần."),
        ApplicationAction.Apologize when ApologyNewDueAt is not null =>
            new Refusal(RefusalKind.Conflict, "Hồ sơ đã được hẹn lại ngày trả kết quả; chỉ được hẹn lại một lần."),
        ApplicationAction.ReturnResult when Timeliness == Calendar.Public.Timeliness.Late && ApologyNewDueAt is null =>
            new Refusal(RefusalKind.Conflict, "Hồ sơ trễ hạn: phải gửi văn bản xin lỗi và hẹn lại ngày trả (mẫu 04) trước khi trả kết quả."),
        ApplicationAction.Receive when AwaitsFeeAtSubmission =>
            new Refusal(RefusalKind.Conflict, "Hồ sơ chưa nộp phí, lệ phí. Thủ tục này nộp phí, lệ phí khi nộp hồ sơ: chỉ tiếp nhận sau khi người nộp thanh toán trực tuyến hoặc cán bộ một cửa thu tại quầy."),
        ApplicationAction.PaymentConfirmed when Status == ApplicationStatus.Submitted && !AwaitsFeeAtSubmission =>
            new Refusal(RefusalKind.Conflict, "Hồ sơ này hiện không chờ thanh toán."),
        _ => null,
    };

    /// <summary>Whether this kind of actor could ever take this action on this application.</summary>
    private bool MayEverDo(Actor actor, ApplicationAction action) => action switch
    {
        ApplicationAction.PaymentConfirmed => actor.Kind == ActorKind.System,
        ApplicationAction.Submit or ApplicationAction.Supplement =>
            IsApplicant(actor) || FiledBy(actor) || FromNationalPortal(actor) || (actor.Kind == ActorKind.Officer && OfficerKeyedIn && actor.Acts(StepRole.Reception, UnitPath)),
        ApplicationAction.Withdraw =>
            IsApplicant(actor) || FromNationalPortal(actor) || (actor.Kind == ActorKind.Officer && OfficerKeyedIn && actor.Acts(StepRole.Reception, UnitPath)),
        _ => actor.Kind == ActorKind.Officer && actor.Roles.Count > 0,
    };

    private bool IsApplicant(Actor actor) => actor.Kind == ActorKind.Applicant && ApplicantId is Guid id && actor.UserId == id;

    /// <summary>The assistant who filed it for the applicant (with their consent) sends it and its supplements; withdrawing stays the applicant's.</summary>
    private bool FiledBy(Actor actor) => actor.Kind == ActorKind.Assistant && Channel == Channel.OnlineAssisted && CreatedById is Guid id && actor.UserId == id;

    /// <summary>
    /// Filed on the national portal: the applicant sends it, its supplements and a withdrawal there, and the portal hands
    /// them on as the system (the applicant may also act here when their account is linked).
    /// </summary>
    private bool FromNationalPortal(Actor actor) => actor.Kind == ActorKind.System && NationalCode is not null;

    /// <summary>The one-stop acts for applicants who came to the desk or wrote by post, or whom it helped online.</summary>
    private bool OfficerKeyedIn => Channel != Channel.OnlineRemote && CreatedById is not null;

    private static ApplicationStatus[] AllowedFrom(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => [ApplicationStatus.Draft],
        ApplicationAction.Receive or ApplicationAction.Refuse => [ApplicationStatus.Submitted],
        ApplicationAction.RequestSupplement => [ApplicationStatus.Submitted, ApplicationStatus.InProgress],
        ApplicationAction.Supplement => [ApplicationStatus.SupplementRequested],
        ApplicationAction.Forward or ApplicationAction.Approve or ApplicationAction.Reject or ApplicationAction.Suspend => [ApplicationStatus.InProgress],
        ApplicationAction.RequestPayment => [ApplicationStatus.InProgress, ApplicationStatus.ResultReady],
        ApplicationAction.PaymentConfirmed => [ApplicationStatus.AwaitingPayment, ApplicationStatus.Submitted],
        ApplicationAction.ReturnResult => [ApplicationStatus.ResultReady],
        ApplicationAction.Withdraw => [ApplicationStatus.Submitted, ApplicationStatus.InProgress, ApplicationStatus.SupplementRequested, ApplicationStatus.AwaitingPayment],
        ApplicationAction.ConfirmWithdrawal => [ApplicationStatus.WithdrawalRequested],
        ApplicationAction.Resume => [ApplicationStatus.Suspended],
        ApplicationAction.Apologize => [ApplicationStatus.InProgress, ApplicationStatus.SupplementRequested, ApplicationStatus.AwaitingPayment, ApplicationStatus.Suspended, ApplicationStatus.ResultReady],
        _ => [],
    };

    /// <summary>The role and unit each action needs, once the status allows it.</summary>
    private Refusal? WhoActs(ApplicationAction action, Actor actor)
    {
        if (actor.Kind != ActorKind.Officer)
        {
            return null; // applicants and the system were checked by MayEverDo
        }

        var step = Step;
        var ok = action switch
        {
            ApplicationAction.Receive or ApplicationAction.Refuse or ApplicationAction.ReturnResult or ApplicationAction.ConfirmWithdrawal
                or ApplicationAction.Submit or ApplicationAction.Supplement or ApplicationAction.Withdraw => actor.Acts(StepRole.Reception, UnitPath),
            ApplicationAction.RequestSupplement when Status == ApplicationStatus.Submitted => actor.Acts(StepRole.Reception, UnitPath),
            ApplicationAction.RequestSupplement or ApplicationAction.Forward or ApplicationAction.Approve =>
                step is not null && actor.Acts(step.Role, step.UnitPath),
            ApplicationAction.RequestPayment when Status == ApplicationStatus.ResultReady => actor.Acts(StepRole.Reception, UnitPath),
            ApplicationAction.RequestPayment => step is not null && actor.Acts(step.Role, step.UnitPath),
            ApplicationAction.Reject or ApplicationAction.Suspend or ApplicationAction.Resume =>
                actor.Acts(StepRole.Leader, step?.UnitPath ?? UnitPath) || actor.Acts(StepRole.Leader, UnitPath),
            ApplicationAction.Apologize => actor.Acts(StepRole.Leader, UnitPath) || actor.Acts(StepRole.Reception, UnitPath)
                || (step is not null && actor.Acts(StepRole.Leader, step.UnitPath)),
            _ => false,
        };
        if (ok)
        {
            return null;
        }

        var who = action switch
        {
            ApplicationAction.Forward or ApplicationAction.Approve or ApplicationAction.RequestSupplement when step is not null =>
                $"người có vai trò {RoleName(step.Role)} tại bước “{step.Name}”",
            ApplicationAction.Reject or ApplicationAction.Suspend or ApplicationAction.Resume => "lãnh đạo đơn vị xử lý",
            _ => "cán bộ một cửa của đơn vị tiếp nhận",
        };
        return new Refusal(RefusalKind.Forbidden, $"Thao tác “{action.Vietnamese()}” do {who} thực hiện.");
    }

    /// <summary>What the request itself must carry, once the action is open.</summary>
    private Refusal? Validate(TransitionRequest r) => r.Action switch
    {
        ApplicationAction.Refuse when string.IsNullOrWhiteSpace(r.Reason) =>
            new Refusal(RefusalKind.Invalid, "Nhập lý do từ chối tiếp nhận hồ sơ.", "reason"),
        ApplicationAction.Reject when string.IsNullOrWhiteSpace(r.Reason) =>
            new Refusal(RefusalKind.Invalid, "Nhập lý do từ chối giải quyết hồ sơ.", "reason"),
        ApplicationAction.Suspend when string.IsNullOrWhiteSpace(r.Reason) =>
            new Refusal(RefusalKind.Invalid, "Nhập lý do dừng xử lý hồ sơ.", "reason"),
        ApplicationAction.RequestSupplement when r.Items is null || r.Items.Count == 0 || r.Items.Any(i => string.IsNullOrWhiteSpace(i.Name)) =>
            new Refusal(RefusalKind.Invalid, "Liệt kê đầy đủ một lần các giấy tờ cần bổ sung (mỗi giấy tờ kèm lý do) hoặc các thông tin tờ khai cần sửa.", "items"),
        ApplicationAction.Approve when !r.HasResultDocument =>
            new Refusal(RefusalKind.Invalid, "Đính kèm văn bản kết quả giải quyết trước khi phê duyệt.", "resultDocument"),
        ApplicationAction.Supplement when r.FormJson is null && SupplementItems.Any(i => i.Field is not null) =>
            new Refusal(RefusalKind.Invalid, "Sửa các thông tin tờ khai được yêu cầu: " + string.Join(", ", SupplementItems.Where(i => i.Field is not null).Select(i => i.Name)) + ".", "form"),
        ApplicationAction.Supplement when r.FormJson is not null && SupplementItems.All(i => i.Field is null) =>
            new Refusal(RefusalKind.Invalid, "Yêu cầu bổ sung không đề nghị sửa tờ khai; chỉ gửi giấy tờ bổ sung.", "form"),
        ApplicationAction.RequestPayment when r.Amount is <= 0 =>
            new Refusal(RefusalKind.Invalid, "Số tiền phải nộp phải lớn hơn 0 đồng.", "amount"),
        ApplicationAction.RequestPayment when r.Fees is { } fees && r.Amount < fees.Total && string.IsNullOrWhiteSpace(r.Reason) =>
            new Refusal(RefusalKind.Invalid, $"Số tiền thấp hơn số tiền tính theo mức thu của thủ tục ({Dong(fees.Total)}); nhập lý do thu thấp hơn.", "reason"),
        ApplicationAction.RequestPayment when r.Fees is { Exemption: { } claimed } fees && r.Amount > fees.Total && string.IsNullOrWhiteSpace(r.Reason) =>
            new Refusal(RefusalKind.Invalid, $"Người nộp đề nghị miễn, giảm (“{claimed.Category}”): nhập lý do không áp dụng khi thu nhiều hơn {Dong(fees.Total)}.", "reason"),
        ApplicationAction.Apologize when r.NewDueAt is null || DueAt is null || r.NewDueAt <= DueAt =>
            new Refusal(RefusalKind.Invalid, "Ngày hẹn trả mới phải sau ngày hẹn trả ban đầu.", "newDueAt"),
        ApplicationAction.Apologize when string.IsNullOrWhiteSpace(r.Reason) =>
            new Refusal(RefusalKind.Invalid, "Nhập lý do chậm trả kết quả.", "reason"),
        _ => null,
    };

    private void Do(TransitionRequest r, Actor actor, IWorkingTime time, Instant now)
    {
        var from = Status;
        switch (r.Action)
        {
            case ApplicationAction.Submit:
                SubmittedAt = now;
                ClaimExemption(r.Fees?.Exemption);
                if (FeesDueAtSubmission && r.Fees is { Total: > 0 } due)
                {
                    AmountDue = due.Total;
                    _feeItems = due.Items.ToList();
                }

                // What the applicant is told at once: the due date if received as soon as the one-stop works.
                DueAt = time.AddWorkingTime(time.ReceivedAt(now), TimeLimit.Value, TimeLimit.Unit);
                // An assisted filing says in the applicant's own history who filed it and how they agreed.
                Move(Consent is null || r.Note is not null ? r : r with { Note = Consent }, actor, ApplicationStatus.Submitted, now, StepRole.Reception);
                break;

            case ApplicationAction.Receive:
                ReceivedAt = time.ReceivedAt(now);
                DueAt = time.AddWorkingTime(ReceivedAt.Value, TimeLimit.Value, TimeLimit.Unit);
                PlanSteps(time, ReceivedAt.Value, DueAt.Value);
                Move(r, actor, ApplicationStatus.Received, now, StepRole.Reception);
                if (Steps.Count > 0 && FirstProcessingStep == 1)
                {
                    CompleteStep(0, actor, now);
                }

                EnterStep(FirstProcessingStep, now);
                Move(r with { Note = null }, actor, ApplicationStatus.InProgress, now, StepRole.Reception);
                break;

            case ApplicationAction.Refuse:
                Reason = r.Reason;
                LegalBasis = r.LegalBasis;
                Move(r, actor, ApplicationStatus.NotAccepted, now, StepRole.Reception);
                break;

            case ApplicationAction.RequestSupplement:
                SupplementCount++;
                SupplementItems = r.Items!.ToList();
                Pause(from, now);
                Move(r, actor, ApplicationStatus.SupplementRequested, now, Step?.Role ?? StepRole.Reception);
                break;

            case ApplicationAction.Supplement:
                FormJson = r.FormJson ?? FormJson;
                Move(r, actor, Resume(time, now), now, null);
                MissingDocuments = false;
                break;

            case ApplicationAction.Forward:
                var completed = CurrentStep!.Value;
                CompleteStep(completed, actor, now);
                EnterStep(completed + 1, now);
                Move(r, actor, ApplicationStatus.InProgress, now, Steps[completed].Role);
                break;

            case ApplicationAction.Approve:
                var last = CurrentStep!.Value;
                CompleteStep(last, actor, now);
                Finish(time, now);
                Move(r, actor, ApplicationStatus.ResultReady, now, Steps[last].Role);
                break;

            case ApplicationAction.Reject:
                Reason = r.Reason;
                LegalBasis = r.LegalBasis;
                Finish(time, now);
                Move(r, actor, ApplicationStatus.Rejected, now, StepRole.Leader);
                break;

            case ApplicationAction.RequestPayment:
                AmountDue = r.Amount;
                _feeItems = ItemsFor(r.Amount, r.Fees);
                FeePaidAt = null;
                Pause(from, now);
                Move(r, actor, ApplicationStatus.AwaitingPayment, now, Step?.Role ?? StepRole.Reception);
                break;

            case ApplicationAction.PaymentConfirmed when from == ApplicationStatus.Submitted:
                // Paid at submission: it stays where it is, now open to reception.
                FeePaidAt = now;
                Append(r, actor, from, from, now, null);
                break;

            case ApplicationAction.PaymentConfirmed:
                FeePaidAt = now;
                Move(r, actor, Resume(time, now), now, null);
                break;

            case ApplicationAction.ReturnResult:
                ReturnedAt = now;
                ReturnMethod = r.ReturnMethod ?? Domain.ReturnMethod.Desk;
                Move(r, actor, ApplicationStatus.Returned, now, StepRole.Reception);
                break;

            case ApplicationAction.Withdraw:
                Move(r, actor, from == ApplicationStatus.Submitted ? ApplicationStatus.Withdrawn : ApplicationStatus.WithdrawalRequested, now, null);
                break;

            case ApplicationAction.ConfirmWithdrawal:
                Move(r, actor, ApplicationStatus.Withdrawn, now, StepRole.Reception);
                break;

            case ApplicationAction.Suspend:
                Reason = r.Reason;
                LegalBasis = r.LegalBasis;
                Pause(from, now);
                Move(r, actor, ApplicationStatus.Suspended, now, StepRole.Leader);
                break;

            case ApplicationAction.Resume:
                Move(r, actor, Resume(time, now), now, StepRole.Leader);
                break;

            case ApplicationAction.Apologize:
                ApologyNewDueAt = r.NewDueAt;
                ApologyReason = r.Reason;
                Append(r, actor, from, from, now, actor.Roles.Contains(StepRole.Leader) ? StepRole.Leader : StepRole.Reception);
                break;

            default:
                throw new InvalidOperationException($"Unhandled action {r.Action}.");
        }
    }

    private static string Dong(long amount) => amount.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " đồng";

    private void ClaimExemption(FeeExemption? exemption)
    {
        ExemptionCategory = exemption?.Category;
        ExemptionPercent = exemption?.Percent;
        ExemptionLegalBasis = exemption?.LegalBasis;
    }

    /// <summary>
    /// The lines of a payment request: the procedure's computed lines when the officer asks for exactly that; otherwise
    /// one line for the amount they name (a fee set case by case, or lowered with a reason), of the kind the lines share.
    /// </summary>
    private static List<FeeItem> ItemsFor(long? amount, FeesDue? computed)
    {
        if (amount is not > 0)
        {
            return [];
        }

        if (computed is not null && computed.Total == amount)
        {
            return computed.Items.ToList();
        }

        var kinds = computed?.Items.Select(i => i.Kind).Distinct().ToList() ?? [];
        return [new FeeItem("Phí, lệ phí theo yêu cầu của cơ quan", kinds.Count == 1 ? kinds[0] : FeeKind.Duty, amount.Value)];
    }

    private void PlanSteps(IWorkingTime time, Instant start, Instant due)
    {
        if (Steps.Count == 0)
        {
            return;
        }

        var dues = time.SplitByShares(start, due, Steps.Select(s => s.Share).ToList());
        for (var i = 0; i < Steps.Count; i++)
        {
            Steps[i].DueAt = dues[i];
        }

        // Decree 118/2025: reception hands the file over the same working day, or the next morning after 15:00.
        var transfer = time.TransferDeadline(start);
        if (Steps[0].Role == StepRole.Reception && transfer < Steps[0].DueAt)
        {
            Steps[0].DueAt = transfer;
        }
    }

    private void EnterStep(int index, Instant now)
    {
        if (index >= Steps.Count)
        {
            CurrentStep = null;
            CurrentRole = null;
            CurrentUnitPath = null;
            return;
        }

        CurrentStep = index;
        Steps[index].StartedAt = now;
        CurrentRole = Steps[index].Role;
        CurrentUnitPath = Steps[index].UnitPath;
    }

    private void CompleteStep(int index, Actor actor, Instant now)
    {
        Steps[index].CompletedAt = now;
        Steps[index].CompletedBy = actor.Name;
    }

    private void Finish(IWorkingTime time, Instant now)
    {
        FinishedAt = now;
        Timeliness = DueAt is Instant due ? time.Classify(now, due) : null;
        CurrentRole = null;
        CurrentUnitPath = null;
    }

    private void Pause(ApplicationStatus from, Instant now)
    {
        PausedAt = now;
        ResumeStatus = from;
    }

    /// <summary>Back where it stopped; the paused working time is added to every deadline still ahead.</summary>
    private ApplicationStatus Resume(IWorkingTime time, Instant now)
    {
        var back = ResumeStatus ?? ApplicationStatus.Submitted;
        if (PausedAt is Instant paused && ReceivedAt is not null && DueAt is Instant due && back is ApplicationStatus.InProgress or ApplicationStatus.Suspended)
        {
            var hours = time.WorkingHoursBetween(paused, now);
            if (hours > 0)
            {
                DueAt = time.AddWorkingTime(due, hours, TimeUnit.WorkingHours);
                foreach (var step in Steps.Where(s => s.CompletedAt is null && s.DueAt is not null))
                {
                    step.DueAt = time.AddWorkingTime(step.DueAt!.Value, hours, TimeUnit.WorkingHours);
                }
            }
        }

        PausedAt = null;
        ResumeStatus = null;
        return back;
    }

    /// <summary>
    /// The unit <paramref name="formerId"/> (at <paramref name="formerPath"/>) merged into or was dissolved into the
    /// successor: the application, and every step done there, go to the successor; status and dates stay, and a history
    /// line tells the applicant where it is now. False for an application already closed, which keeps its unit.
    /// </summary>
    public bool TransferUnit(int formerId, string formerPath, int successorId, string successorPath, string note, Actor actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status.IsFinal())
        {
            return false;
        }

        var moved = false;
        if (UnitId == formerId || UnitPath.StartsWith(formerPath, StringComparison.Ordinal))
        {
            UnitId = successorId;
            UnitPath = successorPath;
            moved = true;
        }

        foreach (var step in Steps.Where(s => s.UnitId == formerId || s.UnitPath.StartsWith(formerPath, StringComparison.Ordinal)))
        {
            step.MoveTo(successorId, successorPath);
            moved = true;
        }

        if (CurrentUnitPath is { } current && current.StartsWith(formerPath, StringComparison.Ordinal))
        {
            CurrentUnitPath = successorPath;
            moved = true;
        }

        if (moved)
        {
            _events.Add(new ApplicationEvent(_events.Count + 1, ApplicationAction.TransferUnit, Status, Status, actor, null, successorId, now, note, null, CurrentStep));
        }

        return moved;
    }

    /// <summary>A unit moved in the tree: paths below <paramref name="oldPrefix"/> now start with <paramref name="newPrefix"/>.</summary>
    public void Repath(string oldPrefix, string newPrefix)
    {
        ArgumentNullException.ThrowIfNull(oldPrefix);
        ArgumentNullException.ThrowIfNull(newPrefix);
        static string Rebase(string path, string from, string to) =>
            path.StartsWith(from, StringComparison.Ordinal) ? to + path[from.Length..] : path;
        UnitPath = Rebase(UnitPath, oldPrefix, newPrefix);
        if (CurrentUnitPath is { } current)
        {
            CurrentUnitPath = Rebase(current, oldPrefix, newPrefix);
        }

        foreach (var step in Steps.Where(s => s.UnitPath.StartsWith(oldPrefix, StringComparison.Ordinal)))
        {
            step.MoveTo(step.UnitId, Rebase(step.UnitPath, oldPrefix, newPrefix));
        }
    }

    private void Move(TransitionRequest r, Actor actor, ApplicationStatus to, Instant now, StepRole? role)
    {
        var from = Status;
        Status = to;
        Append(r, actor, from, to, now, role);
    }

    private void Append(TransitionRequest r, Actor actor, ApplicationStatus from, ApplicationStatus to, Instant now, StepRole? role) =>
        _events.Add(new ApplicationEvent(_events.Count + 1, r.Action, from, to, actor, actor.Kind == ActorKind.Officer ? role : null,
            Step?.UnitId ?? UnitId, now, r.Note, r.InternalNote, CurrentStep));

    private string ConflictMessage(ApplicationAction action) => action switch
    {
        ApplicationAction.Forward => "Hồ sơ đang ở bước cuối; hãy phê duyệt hoặc từ chối giải quyết thay vì chuyển bước.",
        ApplicationAction.Approve when Status == ApplicationStatus.InProgress => "Chỉ phê duyệt kết quả ở bước xử lý cuối cùng.",
        _ => $"Không thể “{action.Vietnamese().ToLowerInvariant()}” khi hồ sơ đang ở trạng thái “{Status.Vietnamese()}”.",
    };

    private static string RoleName(StepRole role) => role switch
    {
        StepRole.Reception => "cán bộ một cửa",
        StepRole.Specialist => "chuyên viên",
        _ => "lãnh đạo",
    };
}
