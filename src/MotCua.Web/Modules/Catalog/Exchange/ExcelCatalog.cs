using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Exchange;

/// <summary>
/// The catalog exchange format as an Excel workbook (docs/catalog-format.md, "Excel"): one sheet of procedures, one
/// each of documents, fees and workflow steps keyed by the procedure code; the e-form stays JSON in its cell. It reads
/// back to the same <see cref="CatalogFile"/>, or says which sheet, row and column is wrong.
/// </summary>
public static class ExcelCatalog
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Whether a request carries a workbook (the other exchange files are JSON).</summary>
    public static bool IsWorkbook(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentType?.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase) == true;
    }

    public const string Procedures = "Thủ tục";
    public const string Documents = "Thành phần hồ sơ";
    public const string Fees = "Phí, lệ phí";
    public const string Steps = "Quy trình";

    /// <summary>Optional: a workbook written before exemptions existed has no such sheet.</summary>
    public const string Exemptions = "Miễn, giảm";

    private const string Yes = "Có";
    private const string No = "Không";

    // Column headers, in order; reading matches them exactly.
    private const string Code = "Mã thủ tục", NationalCode = "Mã CSDL quốc gia", Name = "Tên thủ tục", Field = "Lĩnh vực", Level = "Cấp thực hiện",
        Units = "Cơ quan thực hiện (mã, cách nhau bởi ;)", HandledBy = "Nơi thực hiện khác", ExternalUrl = "Địa chỉ thực hiện bên ngoài",
        ApplicantTypes = "Đối tượng (Citizen; Business)", LegalBasis = "Căn cứ pháp lý (mỗi văn bản một dòng)", Conditions = "Điều kiện thực hiện",
        Processing = "Thời hạn", ProcessingUnit = "Đơn vị thời hạn (WorkingDays, WorkingHours)", OnlineProcessing = "Thời hạn trực tuyến",
        OnlineProcessingUnit = "Đơn vị thời hạn trực tuyến", ResultType = "Kết quả", OnlineLevel = "Mức độ trực tuyến (Info, Partial, Full)",
        OnlineOnly = "Chỉ nhận trực tuyến (Có/Không)", PostalAllowed = "Bưu chính công ích (Có/Không)", Form = "Biểu mẫu điện tử (JSON)",
        EffectiveFrom = "Áp dụng từ ngày (yyyy-MM-dd)", ChangeNote = "Căn cứ thay đổi", Version = "Phiên bản";

    private const string DocName = "Tên giấy tờ", Originals = "Bản chính", Copies = "Bản sao", Required = "Bắt buộc (Có/Không)",
        VaultAllowed = "Dữ liệu quốc gia thay được (Có/Không)", FormReplaces = "Tờ khai trực tuyến thay (Có/Không)", Note = "Ghi chú";

    private const string FeeName = "Tên khoản thu", Amount = "Mức thu (đồng)", OnlineAmount = "Mức thu trực tuyến (đồng)",
        FeeKindColumn = "Loại (Duty = lệ phí, Charge = phí)", PaymentDue = "Thời điểm nộp phí (AfterProcessing, AtSubmission)";

    private const string Category = "Đối tượng miễn, giảm", Percent = "Tỷ lệ miễn, giảm (%)", ExemptionBasis = "Căn cứ",
        AppliesTo = "Áp dụng cho (trống = cả hai; Duty, Charge)";

    private const string Order = "Thứ tự", StepName = "Tên bước", Role = "Vai trò (Reception, Specialist, Leader)", StepUnit = "Đơn vị (mã; trống = đơn vị tiếp nhận)", Share = "Tỷ lệ thời gian (0–1)";

    public static byte[] Write(CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sheets = new Dictionary<string, object>
        {
            [Procedures] = file.Procedures.Select(p => new Dictionary<string, object?>
            {
                [Code] = p.Code, [NationalCode] = p.NationalCode, [Name] = p.Name, [Field] = p.Field, [Level] = p.Level,
                [Units] = string.Join("; ", p.Units), [HandledBy] = p.HandledBy, [ExternalUrl] = p.ExternalUrl,
                [ApplicantTypes] = string.Join("; ", p.ApplicantTypes), [LegalBasis] = string.Join('\n', p.LegalBasis), [Conditions] = p.Conditions,
                [Processing] = p.Processing.Value, [ProcessingUnit] = p.Processing.Unit.ToString(),
                [OnlineProcessing] = p.OnlineProcessing?.Value, [OnlineProcessingUnit] = p.OnlineProcessing?.Unit.ToString(),
                [ResultType] = p.ResultType, [OnlineLevel] = p.OnlineLevel.ToString(), [OnlineOnly] = p.OnlineOnly ? Yes : No, [PostalAllowed] = p.PostalAllowed ? Yes : No,
                [Form] = p.Form is null ? null : JsonSerializer.Serialize(p.Form, Compact),
                [EffectiveFrom] = p.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [ChangeNote] = p.ChangeNote, [Version] = p.Version,
                [PaymentDue] = p.PaymentDue.ToString(),
            }).ToList(),
            [Documents] = file.Procedures.SelectMany(p => p.Documents.Select(d => new Dictionary<string, object?>
            {
                [Code] = p.Code, [DocName] = d.Name, [Originals] = d.Originals, [Copies] = d.Copies, [Required] = d.Required ? Yes : No,
                [VaultAllowed] = d.VaultAllowed ? Yes : No, [FormReplaces] = d.FormReplaces ? Yes : No, [Note] = d.Note,
            })).ToList(),
            [Fees] = file.Procedures.SelectMany(p => p.Fees.Select(f => new Dictionary<string, object?>
            {
                [Code] = p.Code, [FeeName] = f.Name, [Amount] = f.Amount, [OnlineAmount] = f.OnlineAmount, [Note] = f.Note, [FeeKindColumn] = f.Kind.ToString(),
            })).ToList(),
            [Exemptions] = file.Procedures.SelectMany(p => (p.Exemptions ?? []).Select(e => new Dictionary<string, object?>
            {
                [Code] = p.Code, [Category] = e.Category, [Percent] = e.Percent, [ExemptionBasis] = e.LegalBasis, [AppliesTo] = e.AppliesTo?.ToString(),
            })).ToList(),
            [Steps] = file.Procedures.SelectMany(p => (p.Workflow ?? []).Select((s, i) => new Dictionary<string, object?>
            {
                [Code] = p.Code, [Order] = i + 1, [StepName] = s.Name, [Role] = s.Role.ToString(), [StepUnit] = s.Unit, [Share] = s.Share,
            })).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static Result<CatalogFile> Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        try
        {
            var names = MiniExcel.GetSheetNames(buffer);
            var missing = new[] { Procedures, Documents, Fees, Steps }.Where(n => !names.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                return Failure.Invalid("Tệp Excel không đúng mẫu danh mục.", ("body", $"Thiếu trang: {string.Join(", ", missing)}. Hãy dùng tệp mẫu hoặc tệp xuất từ danh mục."));
            }

            var problems = new List<string>();
            var documents = Rows(buffer, Documents).GroupBy(r => r.Text(Code) ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => new DocumentRecord(r.Text(DocName) ?? string.Empty, r.Int(Originals, problems), r.Int(Copies, problems),
                    r.Bool(Required, problems), r.Bool(VaultAllowed, problems), r.Text(Note), r.Bool(FormReplaces, problems))).ToList(), StringComparer.Ordinal);
            var fees = Rows(buffer, Fees).GroupBy(r => r.Text(Code) ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => new FeeRecord(r.Text(FeeName) ?? string.Empty, r.Long(Amount, problems) ?? 0, r.Long(OnlineAmount, problems), r.Text(Note),
                    r.Enum<FeeKind>(FeeKindColumn, problems) ?? FeeKind.Duty)).ToList(), StringComparer.Ordinal);
            var exemptions = (names.Contains(Exemptions) ? Rows(buffer, Exemptions) : []).GroupBy(r => r.Text(Code) ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => new ExemptionRecord(r.Text(Category) ?? string.Empty, r.Int(Percent, problems), r.Text(ExemptionBasis),
                    r.Enum<FeeKind>(AppliesTo, problems))).ToList(), StringComparer.Ordinal);
            var steps = Rows(buffer, Steps).GroupBy(r => r.Text(Code) ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Decimal(Order, problems) ?? 0).Select(r => new StepRecord(r.Text(StepName) ?? string.Empty,
                    r.Enum<StepRole>(Role, problems) ?? StepRole.Reception, r.Text(StepUnit), r.Decimal(Share, problems) ?? 0)).ToList(), StringComparer.Ordinal);
            var procedures = Rows(buffer, Procedures).Select(r =>
            {
                var code = r.Text(Code) ?? string.Empty;
                var onlineValue = r.Decimal(OnlineProcessing, problems);
                return new ProcedureRecord(
                    code,
                    r.Text(Name) ?? string.Empty,
                    r.Text(Field) ?? string.Empty,
                    r.Text(Level) ?? string.Empty,
                    r.List(Units),
                    r.List(ApplicantTypes).Select(t => Parse<ApplicantType>(t, r, ApplicantTypes, problems) ?? ApplicantType.Citizen).Distinct().ToList(),
                    (r.Text(LegalBasis) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                    documents.GetValueOrDefault(code) ?? [],
                    new TimeRecord(r.Decimal(Processing, problems) ?? 0, r.Enum<TimeUnit>(ProcessingUnit, problems) ?? TimeUnit.WorkingDays),
                    fees.GetValueOrDefault(code) ?? [],
                    r.Text(ResultType) ?? string.Empty,
                    r.Enum<OnlineLevel>(OnlineLevel, problems) ?? Public.OnlineLevel.Info,
                    r.Text(NationalCode),
                    r.Text(HandledBy),
                    r.Text(ExternalUrl),
                    r.Text(Conditions),
                    onlineValue is { } v ? new TimeRecord(v, r.Enum<TimeUnit>(OnlineProcessingUnit, problems) ?? TimeUnit.WorkingDays) : null,
                    r.Bool(OnlineOnly, problems),
                    r.Bool(PostalAllowed, problems),
                    r.Form(Form, problems),
                    steps.GetValueOrDefault(code) ?? [],
                    r.Date(EffectiveFrom, problems),
                    null,
                    r.Text(ChangeNote),
                    r.Enum<PaymentTiming>(PaymentDue, problems) ?? PaymentTiming.AfterProcessing,
                    exemptions.GetValueOrDefault(code) ?? []);
            }).ToList();
            if (problems.Count > 0)
            {
                return Failure.Invalid("Tệp Excel có ô không đọc được.", problems.Take(20).Select(p => ("body", (string?)p)).ToArray());
            }

            return new CatalogFile(procedures, CatalogFile.FormatName);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or ArgumentException or System.Xml.XmlException
            or NotSupportedException or KeyNotFoundException or InvalidCastException or NullReferenceException or IndexOutOfRangeException)
        {
            return Failure.Invalid("Không đọc được tệp Excel.", ("body", "Tệp không phải một bảng tính Excel (.xlsx) đọc được. Hãy lưu lại từ Excel dạng .xlsx và thử lại."));
        }
    }

    private static readonly JsonSerializerOptions Compact = new(CatalogJson.Options) { WriteIndented = false };

    private static List<Row> Rows(MemoryStream buffer, string sheet)
    {
        buffer.Position = 0;
        return buffer.Query(useHeaderRow: true, sheetName: sheet)
            .Select((row, i) => new Row(sheet, i + 2, (IDictionary<string, object?>)row))
            .Where(r => !r.Empty)
            .ToList();
    }

    private static T? Parse<T>(string text, Row row, string column, List<string> problems)
        where T : struct, Enum
    {
        if (System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        problems.Add($"{row.Where(column)}: “{text}” không phải một trong {string.Join(", ", System.Enum.GetNames<T>())}.");
        return null;
    }

    /// <summary>One row of a sheet, read cell by cell with a message naming the sheet, row and column when a cell is wrong.</summary>
    private sealed record Row(string Sheet, int Number, IDictionary<string, object?> Cells)
    {
        public bool Empty => Cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

        public string Where(string column) => $"Trang “{Sheet}”, dòng {Number}, cột “{column}”";

        public string? Text(string column) =>
            Cells.TryGetValue(column, out var value) && value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && !string.IsNullOrWhiteSpace(text)
                ? text.Trim().Normalize(System.Text.NormalizationForm.FormC)
                : null;

        public IReadOnlyList<string> List(string column) =>
            (Text(column) ?? string.Empty).Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        public decimal? Decimal(string column, List<string> problems)
        {
            if (!Cells.TryGetValue(column, out var value) || value is null || (value is string blank && string.IsNullOrWhiteSpace(blank)))
            {
                return null;
            }

            if (value is double or int or long or decimal or float)
            {
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            }

            if (decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            problems.Add($"{Where(column)}: cần một số.");
            return null;
        }

        public int Int(string column, List<string> problems) =>
            Decimal(column, problems) is { } value && value == Math.Round(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : 0;

        public long? Long(string column, List<string> problems) =>
            Decimal(column, problems) is { } value ? value == Math.Round(value) && value is >= long.MinValue and <= long.MaxValue ? (long)value : Fail<long>(column, "cần một số nguyên", problems) : null;

        public bool Bool(string column, List<string> problems) => Text(column) switch
        {
            null or No or "không" or "false" or "FALSE" or "0" => false,
            Yes or "có" or "true" or "TRUE" or "1" => true,
            var other => Fail<bool>(column, $"ghi “{Yes}” hoặc “{No}”, không phải “{other}”", problems) ?? false,
        };

        public T? Enum<T>(string column, List<string> problems)
            where T : struct, System.Enum =>
            Text(column) is { } text ? Parse<T>(text, this, column, problems) : null;

        public DateOnly? Date(string column, List<string> problems)
        {
            if (!Cells.TryGetValue(column, out var value) || value is null || (value is string blank && string.IsNullOrWhiteSpace(blank)))
            {
                return null;
            }

            if (value is DateTime dateTime)
            {
                return DateOnly.FromDateTime(dateTime);
            }

            return DateOnly.TryParseExact(Convert.ToString(value, CultureInfo.InvariantCulture), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : Fail<DateOnly>(column, "cần một ngày dạng 2027-01-01 hoặc 01/01/2027", problems);
        }

        public FormRecord? Form(string column, List<string> problems)
        {
            if (Text(column) is not { } json)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<FormRecord>(json, CatalogJson.Options);
            }
            catch (JsonException)
            {
                problems.Add($"{Where(column)}: cần JSON dạng {{\"schema\": {{…}}, \"ui\": {{…}}}}.");
                return null;
            }
        }

        private T? Fail<T>(string column, string message, List<string> problems)
            where T : struct
        {
            problems.Add($"{Where(column)}: {message}.");
            return null;
        }
    }
}
