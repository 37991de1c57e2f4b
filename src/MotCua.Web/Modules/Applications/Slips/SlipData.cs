namespace MotCua.Web.Modules.Applications.Slips;

/// <summary>
/// Everything the slips (forms 01-06) print, as plain values. Times are already in Vietnam time
/// and printed as they are. A field a form does not use may stay null or empty; a field a form
/// uses but is missing prints as a dotted blank, as on the paper forms.
/// </summary>
public sealed record SlipData
{
    // ---- header

    /// <summary>Parent line of the header, e.g. "UBND TỈNH AN BÌNH" (printed in capitals).</summary>
    public required string ParentUnitName { get; init; }

    /// <summary>Issuing unit written in full, e.g. "Ủy ban nhân dân phường An Phú"; capitals in the header, as given in the text.</summary>
    public required string UnitName { get; init; }

    public string? UnitAddress { get; init; }

    public string? UnitPhone { get; init; }

    /// <summary>Place for the date line: "An Phú" gives "An Phú, ngày 24 tháng 11 năm 2026".</summary>
    public required string PlaceName { get; init; }

    /// <summary>The province's hotline for questions and feedback (Portal:Hotline), printed on the receipt slip.</summary>
    public string? Hotline { get; init; }

    /// <summary>When the slip is issued (Vietnam time); the date line and the PDF's creation date.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    // ---- application and applicant

    public required string ApplicationCode { get; init; }

    public required string ApplicantName { get; init; }

    public string? ApplicantAddress { get; init; }

    public string? ApplicantPhone { get; init; }

    public string? ApplicantEmail { get; init; }

    public required string ProcedureName { get; init; }

    public string? ProcedureCode { get; init; }

    /// <summary>Public tracking page of the application, printed as a QR code (none when null).</summary>
    public string? TrackingUrl { get; init; }

    // ---- form 01: receipt

    public IReadOnlyList<ReceivedDocument> Documents { get; init; } = [];

    /// <summary>Number of sets (bộ) received.</summary>
    public int Sets { get; init; } = 1;

    /// <summary>Legal time limit as text, e.g. "03 ngày làm việc".</summary>
    public string? TimeLimit { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Appointment for the result.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Where the applicant collects the result, e.g. "Tại Bộ phận một cửa" or "Qua dịch vụ bưu chính".</summary>
    public string? ResultCollection { get; init; }

    public string? ReceivingOfficer { get; init; }

    // ---- form 02: supplement request

    public IReadOnlyList<SupplementItem> SupplementItems { get; init; } = [];

    public string? ContactOfficer { get; init; }

    public string? ContactPhone { get; init; }

    // ---- form 03: refusal

    public string? RefusalReason { get; init; }

    public string? RefusalLegalBasis { get; init; }

    // ---- form 04: apology

    /// <summary>The due date first appointed; <see cref="DueAt"/> when null.</summary>
    public DateTimeOffset? OriginalDueAt { get; init; }

    public DateTimeOffset? NewDueAt { get; init; }

    public string? DelayReason { get; init; }

    // ---- form 05: stop notice

    public string? StopReason { get; init; }

    public string? StopLegalBasis { get; init; }

    // ---- forms 04 and 05: signed by the head of the unit

    /// <summary>Signer's title on forms 04 and 05, e.g. "CHỦ TỊCH"; "THỦ TRƯỞNG CƠ QUAN" when null.</summary>
    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }

    // ---- form 06: processing control

    public string? LeadUnit { get; init; }

    public IReadOnlyList<string> CoordinatingUnits { get; init; } = [];

    public IReadOnlyList<HandOff> HandOffs { get; init; } = [];
}

/// <summary>
/// A document received with the application (form 01): how many originals and copies; an electronic one (uploaded, not
/// handed in on paper) counts as copies and says so.
/// </summary>
public sealed record ReceivedDocument(string Name, int Originals, int Copies, bool Electronic = false);

/// <summary>Something to supplement (form 02), with the reason or the legal basis for asking.</summary>
public sealed record SupplementItem(string Name, string Reason);

/// <summary>
/// One hand-off of the application between units (form 06). <paramref name="Result"/> is
/// "Trước hạn", "Đúng hạn" or "Quá hạn" (null while the step is open).
/// </summary>
public sealed record HandOff(
    string GiverUnit,
    string GiverName,
    string ReceiverUnit,
    string ReceiverName,
    DateTimeOffset HandedAt,
    DateTimeOffset? StepDueAt,
    string? Result,
    string? Note);
