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

/// <summary>
/// The two kinds of money a procedure may collect (Law on Fees and Charges 97/2015/QH13, art. 3): a charge (phí) pays
/// for a service the State provides; a duty (lệ phí) is what the State is due for handling the procedure itself. Receipts
/// and reports keep them apart. Duty comes first so a fee stored or written without a kind reads as lệ phí.
/// </summary>
public enum FeeKind
{
    /// <summary>Lệ phí.</summary>
    Duty,

    /// <summary>Phí.</summary>
    Charge,
}

/// <summary>When a procedure's fee is paid.</summary>
public enum PaymentTiming
{
    /// <summary>Once the office has processed it: the officer's payment request names the amount (status AwaitingPayment).</summary>
    AfterProcessing,

    /// <summary>With the application: reception receives it only once the fee is paid (online or at the desk).</summary>
    AtSubmission,
}

public static class FeeKinds
{
    public static string Vietnamese(this FeeKind kind) => kind == FeeKind.Charge ? "Phí" : "Lệ phí";
}

/// <summary>A fee or charge (phí, lệ phí) in VND; online applications may pay less.</summary>
public sealed class Fee
{
    /// <summary>Ten billion đồng: above any fee in the national catalog, below what a mistyped amount reaches.</summary>
    public const long MaxAmount = 10_000_000_000;

    public Fee(string name, long amount, long? onlineAmount, string? note, FeeKind kind = FeeKind.Duty)
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
        Kind = kind;
    }

    public string Name { get; private set; }

    /// <summary>Phí or lệ phí.</summary>
    public FeeKind Kind { get; private set; }

    /// <summary>At the desk or by post.</summary>
    public long Amount { get; private set; }

    /// <summary>When submitted online; null means the same as <see cref="Amount"/>.</summary>
    public long? OnlineAmount { get; private set; }

    public string? Note { get; private set; }

    public long AmountFor(bool online) => online ? OnlineAmount ?? Amount : Amount;

    /// <summary>The online discount in whole percent (50 for half), or null when online pays the same.</summary>
    public int? OnlineDiscountPercent => OnlineAmount is long online && online < Amount && Amount > 0
        ? (int)Math.Round((Amount - online) * 100m / Amount, MidpointRounding.AwayFromZero)
        : null;
}

/// <summary>
/// Applicants who pay less or nothing (miễn, giảm), as the law that sets the fee words them: the category
/// ("Người cao tuổi"), the share exempted (100 = free, 50 = half), the legal basis, and which kind it applies to (null = both).
/// </summary>
public sealed class FeeExemption
{
    public FeeExemption(string category, int percent, string? legalBasis, FeeKind? appliesTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (percent is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), "Tỷ lệ miễn, giảm phải từ 1% đến 100%.");
        }

        Category = category;
        Percent = percent;
        LegalBasis = legalBasis;
        AppliesTo = appliesTo;
    }

    public string Category { get; private set; }

    /// <summary>The share exempted, 1–100 (100 = miễn, below = giảm).</summary>
    public int Percent { get; private set; }

    public string? LegalBasis { get; private set; }

    /// <summary>Only phí, only lệ phí, or both (null).</summary>
    public FeeKind? AppliesTo { get; private set; }

    public bool Covers(FeeKind kind) => AppliesTo is null || AppliesTo == kind;
}

/// <summary>One line of what an applicant must pay: the fee's name, its kind and the amount after discount and exemption.</summary>
public sealed record FeeItem(string Name, FeeKind Kind, long Amount);

/// <summary>What an application must pay, line by line, and the exemption it was computed with (if any).</summary>
public sealed record FeesDue(IReadOnlyList<FeeItem> Items, FeeExemption? Exemption)
{
    public long Total => Items.Sum(i => i.Amount);
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
    int Version = 1,
    PaymentTiming PaymentDue = PaymentTiming.AfterProcessing,
    IReadOnlyList<FeeExemption>? Exemptions = null)
{
    /// <summary>Who pays less or nothing; empty when the law names no one.</summary>
    public IReadOnlyList<FeeExemption> FeeExemptions => Exemptions ?? [];

    /// <summary>The exemption of this name, as the procedure lists it; null when it lists none by that name.</summary>
    public FeeExemption? Exemption(string? category) =>
        category is null ? null : FeeExemptions.FirstOrDefault(e => string.Equals(e.Category, category, StringComparison.Ordinal));

    /// <summary>
    /// What an application pays, kind by kind: each fee's amount for the channel (the online discount first), then the
    /// share the exemption waives for that kind, rounded to whole đồng (VND has no minor unit; half rounds up).
    /// A fee that comes to nothing is not listed.
    /// </summary>
    public FeesDue FeesDueFor(bool online, FeeExemption? exemption) => new(
        Fees.Select(f => new FeeItem(f.Name, f.Kind, AfterExemption(f.AmountFor(online), exemption is not null && exemption.Covers(f.Kind) ? exemption.Percent : 0)))
            .Where(i => i.Amount > 0).ToList(),
        exemption);

    private static long AfterExemption(long amount, int percent) =>
        (long)Math.Round(amount * (100 - percent) / 100m, MidpointRounding.AwayFromZero);

    /// <summary>Free: no fee, or every fee at nothing.</summary>
    public bool IsFree => Fees.All(f => f.Amount == 0 && f.AmountFor(online: true) == 0);

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

/// <summary>
/// What the statistics count of a procedure: its online level, whether it is free, whether it takes applications by
/// post, whether it is published with every part a citizen needs (field, who may apply, documents, steps and result),
/// and the units that handle it.
/// </summary>
public sealed record ProcedureFacts(
    int Id, string Code, string Name, string Field, OnlineLevel OnlineLevel, bool IsFree, bool PostalAllowed, bool IsComplete, IReadOnlyList<int> UnitIds);
