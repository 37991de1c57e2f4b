using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>Links a procedure to a unit competent to handle it.</summary>
public sealed class ProcedureUnit
{
    public int ProcedureId { get; private set; }
    public int UnitId { get; private set; }

    public ProcedureUnit(int unitId) => UnitId = unitId;
}

/// <summary>A catalog entry: one administrative procedure (thủ tục hành chính).</summary>
public sealed class Procedure
{
    private readonly List<ProcedureUnit> _units = [];

    private Procedure()
    {
        Code = Name = Field = LevelCode = ResultType = SearchText = string.Empty;
        Processing = new ProcessingTime(1, TimeUnit.WorkingDays);
    }

    public Procedure(string code, string? nationalCode, string name, string field, string levelCode)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code.Trim();
        Rename(nationalCode, name, field, levelCode);
    }

    public int Id { get; private set; }

    /// <summary>Catalog code: the national code when one is published, otherwise a local code.</summary>
    public string Code { get; private set; }

    /// <summary>Code in the national procedure database; null when none is published.</summary>
    public string? NationalCode { get; private set; }

    public string Name { get; private set; }

    /// <summary>Field (lĩnh vực), e.g. "Hộ tịch".</summary>
    public string Field { get; private set; }

    /// <summary>Competent level (a level code: province, district, commune).</summary>
    public string LevelCode { get; private set; }

    public IReadOnlyList<ProcedureUnit> Units => _units;

    /// <summary>Who handles it when no unit of the province does (a national system).</summary>
    public string? HandledBy { get; private set; }

    public string? ExternalUrl { get; private set; }
    public List<ApplicantType> ApplicantTypes { get; private set; } = [ApplicantType.Citizen];
    public List<string> LegalBasis { get; private set; } = [];
    public string? Conditions { get; private set; }
    public List<RequiredDocument> Documents { get; private set; } = [];
    public ProcessingTime Processing { get; private set; }

    /// <summary>A shorter limit for online applications, where the province sets one.</summary>
    public ProcessingTime? OnlineProcessing { get; private set; }

    public List<Fee> Fees { get; private set; } = [];

    /// <summary>Whether the fee is paid with the application or after processing.</summary>
    public PaymentTiming PaymentDue { get; private set; }

    /// <summary>Applicants who pay less or nothing, with the share and the legal basis.</summary>
    public List<FeeExemption> FeeExemptions { get; private set; } = [];
    public string ResultType { get; private set; }
    public OnlineLevel OnlineLevel { get; private set; }

    /// <summary>Paper applications are not accepted.</summary>
    public bool OnlineOnly { get; private set; }

    public bool PostalAllowed { get; private set; }
    public FormDefinition? Form { get; private set; }
    public List<WorkflowStep> Workflow { get; private set; } = [];

    /// <summary>Folded name, code and field, for search without diacritics.</summary>
    public string SearchText { get; private set; }

    /// <summary>The version of its terms in force (1 for the first; a later one comes into force on its date).</summary>
    public int Version { get; private set; } = 1;

    public void Rename(string? nationalCode, string name, string field, string levelCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(levelCode);
        NationalCode = string.IsNullOrWhiteSpace(nationalCode) ? null : nationalCode.Trim();
        Name = name.Trim();
        Field = field.Trim();
        LevelCode = levelCode;
        RefreshSearchText();
    }

    /// <summary>Marks which version's terms the procedure now carries.</summary>
    public void BringIntoForce(int version)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        Version = version;
    }

    public void DescribeWho(IEnumerable<int> unitIds, string? handledBy, string? externalUrl, IEnumerable<ApplicantType> applicantTypes)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(applicantTypes);
        _units.Clear();
        _units.AddRange(unitIds.Distinct().Select(id => new ProcedureUnit(id)));
        HandledBy = handledBy;
        ExternalUrl = externalUrl;
        ApplicantTypes = applicantTypes.Distinct().ToList();
        if (ApplicantTypes.Count == 0)
        {
            throw new CatalogRuleException("Thủ tục phải có ít nhất một đối tượng thực hiện.");
        }

        if (_units.Count == 0 && string.IsNullOrWhiteSpace(handledBy))
        {
            throw new CatalogRuleException($"Thủ tục {Code} phải có cơ quan thực hiện.");
        }
    }

    public void DescribeWhat(IEnumerable<string> legalBasis, string? conditions, IEnumerable<RequiredDocument> documents, string resultType)
    {
        ArgumentNullException.ThrowIfNull(legalBasis);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrWhiteSpace(resultType);
        LegalBasis = legalBasis.ToList();
        Conditions = conditions;
        Documents = documents.ToList();
        ResultType = resultType;
    }

    public void SetTimeAndFees(ProcessingTime processing, ProcessingTime? onlineProcessing, IEnumerable<Fee> fees)
    {
        ArgumentNullException.ThrowIfNull(processing);
        ArgumentNullException.ThrowIfNull(fees);
        if (processing.Value <= 0)
        {
            throw new CatalogRuleException("Thời hạn giải quyết phải lớn hơn 0.");
        }

        if (onlineProcessing is not null && (onlineProcessing.Value <= 0 || onlineProcessing.InWorkingDays > processing.InWorkingDays))
        {
            throw new CatalogRuleException("Thời hạn giải quyết trực tuyến phải lớn hơn 0 và không dài hơn thời hạn thông thường.");
        }

        Processing = processing;
        OnlineProcessing = onlineProcessing;
        Fees = fees.ToList();
    }

    /// <summary>When the fee is paid, and who pays less or nothing (each category once).</summary>
    public void SetPaymentTerms(PaymentTiming due, IEnumerable<FeeExemption> exemptions)
    {
        ArgumentNullException.ThrowIfNull(exemptions);
        var list = exemptions.ToList();
        if (list.GroupBy(e => e.Category, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new CatalogRuleException($"Đối tượng miễn, giảm “{twice.Key}” được ghi hai lần.");
        }

        if (list.Count > 0 && Fees.All(f => f.Amount == 0))
        {
            throw new CatalogRuleException("Thủ tục miễn phí không có đối tượng miễn, giảm phí, lệ phí.");
        }

        PaymentDue = due;
        FeeExemptions = list;
    }

    /// <summary>Sets how the procedure is offered online; the rules of Decree 42/2022 are checked here.</summary>
    public void OfferOnline(OnlineLevel level, bool onlineOnly, bool postalAllowed, FormDefinition? form)
    {
        if (onlineOnly && level != OnlineLevel.Full)
        {
            throw new CatalogRuleException("Chỉ dịch vụ công trực tuyến toàn trình mới được yêu cầu nộp trực tuyến bắt buộc.");
        }

        if (level != OnlineLevel.Info && form is null)
        {
            throw new CatalogRuleException($"Thủ tục {Code} nộp trực tuyến phải có biểu mẫu điện tử.");
        }

        OnlineLevel = level;
        OnlineOnly = onlineOnly;
        PostalAllowed = postalAllowed;
        Form = form;
    }

    /// <summary>Sets the internal process; shares of the time limit must add up to the whole.</summary>
    public void DefineWorkflow(IEnumerable<WorkflowStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        if (list.Count > 0 && Math.Abs(list.Sum(s => s.Share) - 1m) > 0.001m)
        {
            throw new CatalogRuleException($"Tổng tỷ lệ thời gian các bước xử lý của thủ tục {Code} phải bằng 100%.");
        }

        // A unit of the province that handles it receives applications at its desk too: officers need the steps.
        if (list.Count == 0 && Units.Count > 0)
        {
            throw new CatalogRuleException($"Thủ tục {Code} phải có quy trình xử lý nội bộ.");
        }

        Workflow = list;
    }

    /// <summary>The time limit that applies to a channel: online applications may have a shorter one.</summary>
    public ProcessingTime TimeLimitFor(bool online) => online && OnlineProcessing is not null ? OnlineProcessing : Processing;

    public long TotalFee(bool online) => Fees.Sum(f => f.AmountFor(online));

    public bool IsHandledBy(int unitId) => _units.Any(u => u.UnitId == unitId);

    private void RefreshSearchText() => SearchText = SearchTextOf(Name, Code, Field);

    /// <summary>What search matches a procedure by: its name, code and field, folded.</summary>
    public static string SearchTextOf(string name, string code, string field) =>
        string.Join(' ', VietnameseText.Fold(name), VietnameseText.Fold(code), VietnameseText.Fold(field));
}

/// <summary>A catalog entry broke a rule of the catalog; the message is for people.</summary>
public sealed class CatalogRuleException(string message) : Exception(message);
