using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Catalog.Versions;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/danh-muc/{code}": the terms of one procedure (documents, fees, time limits, online offer, who handles it),
/// saved as a new version from the day the admin picks, through the same path as a catalog import; the history of
/// versions, and a waiting version can be withdrawn before its day.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class ProcedureEditPageModel(CatalogVersions versions, CatalogImport import, CatalogDirectory directory, AccountDirectory accounts) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public sealed class DocumentInput
    {
        public string? Name { get; set; }
        public string? Originals { get; set; }
        public string? Copies { get; set; }
        public bool Required { get; set; }
        public bool VaultAllowed { get; set; }
        public bool FormReplaces { get; set; }
        public string? Note { get; set; }
    }

    public sealed class FeeInput
    {
        public string? Name { get; set; }
        public string? Amount { get; set; }
        public string? OnlineAmount { get; set; }
        public string? Note { get; set; }
        public FeeKind Kind { get; set; }
    }

    public sealed class ExemptionInput
    {
        public string? Category { get; set; }
        public string? Percent { get; set; }
        public string? LegalBasis { get; set; }

        /// <summary>Empty for both kinds, or a <see cref="FeeKind"/> name.</summary>
        public string? AppliesTo { get; set; }
    }

    public string Code { get; private set; } = string.Empty;
    public IReadOnlyList<VersionView> History { get; private set; } = [];
    public IReadOnlyList<UnitCard> AllUnits { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Levels { get; private set; } = new Dictionary<string, string>();
    public Latest? Shown { get; private set; }
    public string? Message { get; private set; }
    public DateOnly Today => versions.Today;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? NationalCode { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public List<string> UnitCodes { get; set; } = [];
    [BindProperty] public List<ApplicantType> ApplicantTypes { get; set; } = [];
    [BindProperty] public string? ResultType { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public List<DocumentInput> Documents { get; set; } = [];
    [BindProperty] public List<FeeInput> Fees { get; set; } = [];
    [BindProperty] public List<ExemptionInput> Exemptions { get; set; } = [];
    [BindProperty] public PaymentTiming PaymentDue { get; set; }
    [BindProperty] public string? ProcessingValue { get; set; }
    [BindProperty] public TimeUnit ProcessingUnit { get; set; }
    [BindProperty] public string? OnlineProcessingValue { get; set; }
    [BindProperty] public TimeUnit OnlineProcessingUnit { get; set; }
    [BindProperty] public OnlineLevel OnlineLevel { get; set; }
    [BindProperty] public bool OnlineOnly { get; set; }
    [BindProperty] public bool PostalAllowed { get; set; }
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, string? luu, bool huy, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Message = luu is not null ? $"Đã lưu phiên bản mới, áp dụng từ ngày {luu}." : huy ? "Đã hủy phiên bản chờ áp dụng." : null;
        Fill(Shown!.Record);
        EffectiveFrom = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var record = Read(Shown!.Record);
        if (!ModelState.IsValid || record is null)
        {
            return Page();
        }

        var problems = ProcedureRecords.Problems(record, Levels.Keys.ToHashSet(StringComparer.Ordinal), AllUnits.Select(u => u.Code).ToHashSet(StringComparer.Ordinal));
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        var report = await import.RunAsync(new CatalogFile([record]), dryRun: false, accounts.UserId(User), User.Identity?.Name ?? "?", cancellationToken);
        if (report.Failure is { } failure)
        {
            ModelState.AddModelError(string.Empty, failure.Headline);
            return Page();
        }

        if (report.Value!.Refused.FirstOrDefault() is { } refused)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), refused.Message);
            return Page();
        }

        if (report.Value.Changed.FirstOrDefault() is not { } changed)
        {
            Message = "Không có thay đổi nào so với phiên bản hiện tại; chưa lưu phiên bản mới.";
            return Page();
        }

        return Redirect($"{CatalogAdminPageModel.Path}/{Uri.EscapeDataString(code)}?luu={changed.EffectiveFrom:dd/MM/yyyy}");
    }

    public async Task<IActionResult> OnPostCancelAsync(string code, int number, CancellationToken cancellationToken)
    {
        if (await versions.StartingPointAsync(code, cancellationToken) is not { } start)
        {
            return NotFound();
        }

        if (!await versions.CancelWaitingAsync(start.Id, number, accounts.UserId(User), User.Identity?.Name ?? "?", cancellationToken))
        {
            await LoadAsync(code, cancellationToken);
            ModelState.AddModelError(string.Empty, "Chỉ hủy được phiên bản mới nhất đang chờ áp dụng.");
            Fill(Shown!.Record);
            return Page();
        }

        directory.Invalidate();
        return Redirect($"{CatalogAdminPageModel.Path}/{Uri.EscapeDataString(code)}?huy=true");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await versions.StartingPointAsync(code, cancellationToken) is not { } start)
        {
            return false;
        }

        Code = code;
        AllUnits = (await directory.AllUnitsAsync(cancellationToken)).Where(u => !u.Ended).ToList();
        Levels = await directory.LevelNamesAsync(cancellationToken);
        History = await versions.HistoryAsync(start.Id, cancellationToken);
        Shown = start.Latest;
        return true;
    }

    private void Fill(ProcedureRecord r)
    {
        Name = r.Name;
        Field = r.Field;
        NationalCode = r.NationalCode;
        Level = r.Level;
        UnitCodes = r.Units.ToList();
        ApplicantTypes = r.ApplicantTypes.ToList();
        ResultType = r.ResultType;
        Conditions = r.Conditions;
        LegalBasis = string.Join('\n', r.LegalBasis);
        Documents = r.Documents.Select(d => new DocumentInput
        {
            Name = d.Name, Originals = Number(d.Originals), Copies = Number(d.Copies), Required = d.Required, VaultAllowed = d.VaultAllowed, FormReplaces = d.FormReplaces, Note = d.Note,
        }).ToList();
        Fees = r.Fees.Select(f => new FeeInput { Name = f.Name, Amount = Number(f.Amount), OnlineAmount = f.OnlineAmount is { } o ? Number(o) : null, Note = f.Note, Kind = f.Kind }).ToList();
        Exemptions = (r.Exemptions ?? []).Select(e => new ExemptionInput
        {
            Category = e.Category, Percent = e.Percent.ToString(CultureInfo.InvariantCulture), LegalBasis = e.LegalBasis, AppliesTo = e.AppliesTo?.ToString(),
        }).ToList();
        PaymentDue = r.PaymentDue;
        ProcessingValue = r.Processing.Value.ToString("0.##", Vietnamese);
        ProcessingUnit = r.Processing.Unit;
        OnlineProcessingValue = r.OnlineProcessing?.Value.ToString("0.##", Vietnamese);
        OnlineProcessingUnit = r.OnlineProcessing?.Unit ?? TimeUnit.WorkingDays;
        OnlineLevel = r.OnlineLevel;
        OnlineOnly = r.OnlineOnly;
        PostalAllowed = r.PostalAllowed;
    }

    /// <summary>The posted terms on top of the version shown (its form and workflow stay); null with field errors when something does not read.</summary>
    private ProcedureRecord? Read(ProcedureRecord shown)
    {
        var documents = new List<DocumentRecord>();
        for (var i = 0; i < Documents.Count; i++)
        {
            var d = Documents[i];
            if (string.IsNullOrWhiteSpace(d.Name) && string.IsNullOrWhiteSpace(d.Note))
            {
                continue;
            }

            var originals = Count($"{nameof(Documents)}[{i}].{nameof(DocumentInput.Originals)}", d.Originals, "Số bản chính");
            var copies = Count($"{nameof(Documents)}[{i}].{nameof(DocumentInput.Copies)}", d.Copies, "Số bản sao");
            documents.Add(new DocumentRecord(d.Name?.Trim() ?? string.Empty, originals ?? 0, copies ?? 0, d.Required, d.VaultAllowed, Blank(d.Note), d.FormReplaces));
        }

        var fees = new List<FeeRecord>();
        for (var i = 0; i < Fees.Count; i++)
        {
            var f = Fees[i];
            if (string.IsNullOrWhiteSpace(f.Name) && string.IsNullOrWhiteSpace(f.Amount))
            {
                continue;
            }

            var amount = Amount($"{nameof(Fees)}[{i}].{nameof(FeeInput.Amount)}", f.Amount, required: true);
            var online = Amount($"{nameof(Fees)}[{i}].{nameof(FeeInput.OnlineAmount)}", f.OnlineAmount, required: false);
            fees.Add(new FeeRecord(f.Name?.Trim() ?? string.Empty, amount ?? 0, online, Blank(f.Note), f.Kind));
        }

        var exemptions = new List<ExemptionRecord>();
        for (var i = 0; i < Exemptions.Count; i++)
        {
            var e = Exemptions[i];
            if (string.IsNullOrWhiteSpace(e.Category) && string.IsNullOrWhiteSpace(e.Percent) && string.IsNullOrWhiteSpace(e.LegalBasis))
            {
                continue;
            }

            var key = $"{nameof(Exemptions)}[{i}]";
            if (string.IsNullOrWhiteSpace(e.Category))
            {
                ModelState.AddModelError($"{key}.{nameof(ExemptionInput.Category)}", "Nhập đối tượng được miễn, giảm.");
            }

            var percent = int.TryParse(e.Percent?.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? n : (int?)null;
            if (percent is null)
            {
                ModelState.AddModelError($"{key}.{nameof(ExemptionInput.Percent)}", "Tỷ lệ miễn, giảm là số từ 1 đến 100 (100 là miễn toàn bộ).");
            }

            FeeKind? appliesTo = Enum.TryParse<FeeKind>(e.AppliesTo, out var kind) && Enum.IsDefined(kind) ? kind : null;
            exemptions.Add(new ExemptionRecord(e.Category?.Trim() ?? string.Empty, percent ?? 100, Blank(e.LegalBasis), appliesTo));
        }

        var processing = Time(nameof(ProcessingValue), ProcessingValue, required: true);
        var onlineProcessing = Time(nameof(OnlineProcessingValue), OnlineProcessingValue, required: false);
        DateOnly? effective = null;
        if (!DateOnly.TryParseExact(EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "Nhập ngày áp dụng, ví dụ 01/01/2027.");
        }
        else if (date < Today)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "Ngày áp dụng không được trước hôm nay: hồ sơ đã nộp giữ phiên bản lúc nộp.");
        }
        else if (date > Today.AddYears(5))
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "Ngày áp dụng quá xa (tối đa 5 năm tới).");
        }
        else
        {
            effective = date;
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Nhập tên thủ tục.");
        }

        if (UnitCodes.Count == 0 && string.IsNullOrWhiteSpace(shown.HandledBy))
        {
            ModelState.AddModelError(nameof(UnitCodes), "Chọn ít nhất một cơ quan thực hiện.");
        }

        if (ApplicantTypes.Count == 0)
        {
            ModelState.AddModelError(nameof(ApplicantTypes), "Chọn ít nhất một đối tượng thực hiện.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return shown with
        {
            Name = Name!.Trim(),
            Field = Field?.Trim() ?? string.Empty,
            NationalCode = Blank(NationalCode),
            Level = Level ?? string.Empty,
            Units = UnitCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ApplicantTypes = ApplicantTypes.Distinct().ToList(),
            ResultType = ResultType?.Trim() ?? string.Empty,
            Conditions = Blank(Conditions),
            LegalBasis = (LegalBasis ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Documents = documents,
            Fees = fees,
            Exemptions = exemptions,
            PaymentDue = PaymentDue,
            Processing = new TimeRecord(processing!.Value, ProcessingUnit),
            OnlineProcessing = onlineProcessing is { } o ? new TimeRecord(o, OnlineProcessingUnit) : null,
            OnlineLevel = OnlineLevel,
            OnlineOnly = OnlineOnly,
            PostalAllowed = PostalAllowed,
            EffectiveFrom = effective,
            ChangeNote = Blank(ChangeNote),
        };
    }

    private int? Count(string key, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 50)
        {
            return n;
        }

        ModelState.AddModelError(key, $"{what} là số nguyên từ 0 đến 50.");
        return null;
    }

    private long? Amount(string key, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError(key, "Nhập mức thu bằng đồng (0 nếu miễn).");
            }

            return null;
        }

        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("đồng", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("đ", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= Fee.MaxAmount)
        {
            return amount;
        }

        ModelState.AddModelError(key, "Mức thu là số đồng không âm, ví dụ 50.000.");
        return null;
    }

    private decimal? Time(string key, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError(key, "Nhập thời hạn giải quyết.");
            }

            return null;
        }

        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 3650)
        {
            return value;
        }

        ModelState.AddModelError(key, "Thời hạn là một số lớn hơn 0, ví dụ 3 hoặc 0,5.");
        return null;
    }

    private static string Number(long value) => value.ToString("#,0", Vietnamese);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
