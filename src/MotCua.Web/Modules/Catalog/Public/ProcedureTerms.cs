using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>Online service level (Decree 42/2022, art. 11): Info = information only (old levels 1–2),
/// Partial = một phần (old level 3), Full = toàn trình (old level 4).</summary>
public enum OnlineLevel
{
    Info,
    Partial,
    Full,
}

public enum ApplicantType
{
    Citizen,
    Business,
}

/// <summary>The officer role that acts in a workflow step.</summary>
public enum StepRole
{
    Reception,
    Specialist,
    Leader,
}

/// <summary>A document of the application file (thành phần hồ sơ).</summary>
public sealed class RequiredDocument
{
    public RequiredDocument(string name, int originals, int copies, bool required, bool vaultAllowed, string? note, bool formReplaces = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(originals);
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        Name = name;
        Originals = originals;
        Copies = copies;
        Required = required;
        VaultAllowed = vaultAllowed;
        Note = note;
        FormReplaces = formReplaces;
    }

    public string Name { get; private set; }
    public int Originals { get; private set; }
    public int Copies { get; private set; }
    public bool Required { get; private set; }

    /// <summary>The applicant's document vault (or a national database) may supply it instead of an upload.</summary>
    public bool VaultAllowed { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The online e-form is this document (the declaration, tờ khai): an online applicant does not upload it.</summary>
    public bool FormReplaces { get; private set; }

    /// <summary>Whether the file is incomplete without it: required, not from the vault, and online not the e-form itself.</summary>
    public bool MustBeAttached(bool online) => Required && !VaultAllowed && !(online && FormReplaces);
}

/// <summary>A fee or charge (phí, lệ phí) in VND; online applications may pay less.</summary>
public sealed class Fee
{
    /// <summary>Ten billion đồng: above any fee in the national catalog, below what a mistyped amount reaches.</summary>
    public const long MaxAmount = 10_000_000_000;

    public Fee(string name, long amount, long? onlineAmount, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (onlineAmount is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(onlineAmount));
        }

        Name = name;
        Amount = amount;
        OnlineAmount = onlineAmount;
        Note = note;
    }

    public string Name { get; private set; }

    /// <summary>At the desk or by post.</summary>
    public long Amount { get; private set; }

    /// <summary>When submitted online; null means the same as <see cref="Amount"/>.</summary>
    public long? OnlineAmount { get; private set; }

    public string? Note { get; private set; }

    public long AmountFor(bool online) => online ? OnlineAmount ?? Amount : Amount;
}

/// <summary>A step of the procedure's internal process.</summary>
public sealed class WorkflowStep
{
    public WorkflowStep(string name, StepRole role, string? unitCode, decimal share)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (share is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), "Tỷ lệ thời gian của bước phải lớn hơn 0 và không quá 1.");
        }

        Name = name;
        Role = role;
        UnitCode = unitCode;
        Share = share;
    }

    public string Name { get; private set; }
    public StepRole Role { get; private set; }

    /// <summary>The unit that performs the step; null = the unit that received the application.</summary>
    public string? UnitCode { get; private set; }

    /// <summary>Share of the overall time limit given to this step (0–1).</summary>
    public decimal Share { get; private set; }
}

/// <summary>
/// A procedure as other modules read it: a read-only copy of what filing and processing need. Applications takes its
/// time limit, fees, workflow and form from here when an application starts, and keeps its own copy from then on;
/// <see cref="Version"/> names the version of the terms, which <c>CatalogDirectory.ProcedureAsync(id, version)</c> gives back.
/// </summary>
public sealed record ProcedureTerms(
    int Id,
    string Code,
    string? NationalCode,
    string Name,
    string Field,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<ApplicantType> ApplicantTypes,
    ProcessingTime Processing,
    ProcessingTime? OnlineProcessing,
    IReadOnlyList<RequiredDocument> Documents,
    IReadOnlyList<Fee> Fees,
    string ResultType,
    OnlineLevel OnlineLevel,
    bool OnlineOnly,
    bool PostalAllowed,
    FormDefinition? Form,
    IReadOnlyList<WorkflowStep> Workflow,
    int Version = 1)
{
    /// <summary>The time limit that applies to a channel: online applications may have a shorter one.</summary>
    public ProcessingTime TimeLimitFor(bool online) => online && OnlineProcessing is not null ? OnlineProcessing : Processing;

    public long TotalFee(bool online) => Fees.Sum(f => f.AmountFor(online));

    public bool IsHandledBy(int unitId) => UnitIds.Contains(unitId);

    /// <summary>The e-form's fields in display order (none for a procedure without a form).</summary>
    public IReadOnlyList<FormField> FormFieldsInOrder() => FormFields.Read(Form);
}

/// <summary>A unit of the administrative tree as other modules read it.</summary>
/// <param name="Path">Codes from the root down, "/root/…/self/": a sub-tree is every unit whose path starts with this one.</param>
/// <param name="Place">The place name its documents are dated at ("An Phú").</param>
/// <param name="AreaName">The area it governs ("tỉnh An Bình"); the root unit's names the portal.</param>
public sealed record UnitCard(
    int Id,
    string Code,
    string Name,
    string LevelCode,
    int? ParentId,
    string Path,
    string Place,
    string AreaName,
    string? Address,
    string? Phone,
    string? Email,
    string? ShortName = null,
    DateOnly? EndedOn = null,
    int? SuccessorId = null)
{
    /// <summary>Merged or dissolved: it takes no new applications; its history sits below its successor.</summary>
    public bool Ended => EndedOn is not null;

    /// <summary>0 for the root, 1 for its children, …</summary>
    public int Depth => Path.Count(c => c == '/') - 2;

    public bool IsWithin(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
