using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Domain;

/// <summary>A step of the application's own copy of the procedure workflow (catalog edits do not move files in flight).</summary>
public sealed class ApplicationStep
{
    public ApplicationStep(string name, StepRole role, int unitId, string unitPath, decimal share)
    {
        Name = name;
        Role = role;
        UnitId = unitId;
        UnitPath = unitPath;
        Share = share;
    }

    public string Name { get; private set; }
    public StepRole Role { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; }
    public decimal Share { get; private set; }
    public Instant? DueAt { get; internal set; }
    public Instant? StartedAt { get; internal set; }
    public Instant? CompletedAt { get; internal set; }
    public string? CompletedBy { get; internal set; }

    /// <summary>The step's unit was reorganised: it is done at <paramref name="unitId"/> (a successor) or at a new path.</summary>
    internal void MoveTo(int unitId, string unitPath)
    {
        UnitId = unitId;
        UnitPath = unitPath;
    }
}

/// <summary>Who applies: an account holder, or a walk-in applicant keyed in at the desk.</summary>
public sealed record ApplicantInfo(Guid? UserId, string Name, string? IdentityNumber, string? Phone, string? Email, string? Address);

public enum DocumentKind
{
    Input,
    Result,
}

/// <summary>A file attached to an application: an input document (uploaded or scanned at the desk) or the result.</summary>
public sealed class ApplicationDocument
{
    private ApplicationDocument()
    {
        Name = FileName = ContentType = Sha256 = StorageKey = string.Empty;
    }

    public ApplicationDocument(long applicationId, DocumentKind kind, string name, string fileName, string contentType, long size, string sha256, string storageKey, bool digitized, Guid? uploadedById, Instant uploadedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Kind = kind;
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        Digitized = digitized;
        UploadedById = uploadedById;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public long ApplicationId { get; private set; }
    public DocumentKind Kind { get; private set; }

    /// <summary>Which required document this is (as the catalog names it), or the result's title.</summary>
    public string Name { get; private set; }

    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public string StorageKey { get; private set; }

    /// <summary>Scanned by the one-stop from paper (counter, post).</summary>
    public bool Digitized { get; private set; }

    public Guid? UploadedById { get; private set; }
    public Instant UploadedAt { get; private set; }
}

/// <summary>Something missing from the file, with the reason or legal basis (form 02 lists them all at once).</summary>
/// <summary>
/// One thing the applicant must add or correct: a document (by name), or, with <paramref name="Field"/>, an answer of
/// the e-form to correct (its key; the name is the field's label).
/// </summary>
public sealed record SupplementItem(string Name, string Reason, string? Field = null);

/// <summary>
/// A document of the file that a national database supplies instead of paper, for an applicant whose identity was
/// verified: what was looked up and when, and whether it could be used (<paramref name="Used"/>: found, and the person
/// or business it names is the applicant); when not, <paramref name="Problem"/> says why and the document is asked for
/// as usual.
/// </summary>
public sealed record NationalDataUse(
    string DocumentName, string NationalDatabase, string DatabaseOwner, NationalDatabaseKind Kind, bool Used, string? Summary, string? Problem, Instant At);

/// <summary>How the applicant agreed that an officer or volunteer files from their account (OnlineAssisted).</summary>
public enum ConsentMethod
{
    /// <summary>In person, at the desk or the post office.</summary>
    InPerson,

    /// <summary>By telephone.</summary>
    Phone,

    /// <summary>A signed paper (giấy ủy quyền, phiếu đồng ý).</summary>
    Written,

    /// <summary>Confirmed electronically from the applicant's own account or phone.</summary>
    Electronic,
}

public enum ReturnMethod
{
    Online,
    Desk,
    Post,
}

public enum RefusalKind
{
    /// <summary>This actor may not do this (HTTP 403).</summary>
    Forbidden,

    /// <summary>Not in the application's current state (HTTP 409).</summary>
    Conflict,

    /// <summary>The request lacks something the action needs (HTTP 400).</summary>
    Invalid,
}

/// <summary>Why an action was refused, in words for people. Nothing changed.</summary>
public sealed record Refusal(RefusalKind Kind, string Message, string? Field = null);

/// <summary>
/// An action with what it carries. Only what the action needs is read. <paramref name="Fees"/>: what the procedure's terms
/// make the application pay (with the exemption claimed, on submit): submit records it when the fee is due at once;
/// a payment request for less needs a reason.
/// </summary>
public sealed record TransitionRequest(
    ApplicationAction Action,
    string? Note = null,
    string? InternalNote = null,
    string? Reason = null,
    string? LegalBasis = null,
    IReadOnlyList<SupplementItem>? Items = null,
    Instant? NewDueAt = null,
    ReturnMethod? ReturnMethod = null,
    bool HasResultDocument = false,
    string? FormJson = null,
    long? Amount = null,
    FeesDue? Fees = null);

/// <summary>One line of history: append-only, never edited.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent()
    {
        Action = ActorName = ActorRole = string.Empty;
    }

    internal ApplicationEvent(int sequence, ApplicationAction action, ApplicationStatus from, ApplicationStatus to, Actor actor, StepRole? role, int? unitId, Instant at, string? note, string? internalNote, int? stepIndex)
    {
        Sequence = sequence;
        Action = action.Name();
        FromStatus = from;
        ToStatus = to;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.RoleLabel(role);
        UnitId = unitId;
        At = at;
        Note = note;
        InternalNote = internalNote;
        StepIndex = stepIndex;
    }

    /// <summary>A line of history brought over from another system: its own words for the action, and the person it names.</summary>
    internal ApplicationEvent(int sequence, string action, ApplicationStatus from, ApplicationStatus to, string actorName, int? unitId, Instant at, string? note)
    {
        Sequence = sequence;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ActorName = actorName;
        ActorRole = "System";
        UnitId = unitId;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public int Sequence { get; private set; }
    public string Action { get; private set; }
    public ApplicationStatus FromStatus { get; private set; }
    public ApplicationStatus ToStatus { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string ActorRole { get; private set; }
    public int? UnitId { get; private set; }
    public Instant At { get; private set; }

    /// <summary>Shown to the applicant.</summary>
    public string? Note { get; private set; }

    /// <summary>Officers only.</summary>
    public string? InternalNote { get; private set; }

    public int? StepIndex { get; private set; }
}
