using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using QRCoder;
using SkiaSharp;

namespace MotCua.Web.Common.Pdf;

internal enum FontFace
{
    Regular,
    Bold,
    Italic,
}

internal enum Align
{
    Left,
    Center,
    Right,
}

internal readonly record struct TextStyle(FontFace Face, float Size)
{
    public static TextStyle Body => new(FontFace.Regular, 11);
    public static TextStyle BodyBold => new(FontFace.Bold, 11);
    public static TextStyle BodyItalic => new(FontFace.Italic, 11);
    public static TextStyle Small => new(FontFace.Regular, 9);
    public static TextStyle SmallBold => new(FontFace.Bold, 9);
    public static TextStyle SmallItalic => new(FontFace.Italic, 9);
    public static TextStyle Title => new(FontFace.Bold, 13);
}

/// <summary>A piece of a paragraph in one style; paragraphs wrap across runs.</summary>
internal readonly record struct Run(string Text, TextStyle Style);

internal sealed record TableColumn(string Header, float Weight, Align Align = Align.Left);

/// <summary>A heading over <paramref name="Span"/> neighbouring columns of a table; null for none (their headers then take both rows).</summary>
internal sealed record TableGroup(string? Title, int Span);

/// <summary>A signature block: title in capitals, a hint in italics, room to sign, then the name.</summary>
internal sealed record SignatureBlock(string Title, string Hint, string? Name);

/// <summary>
/// Liberation Serif shipped with the app (Fonts/, see its LICENSE): a serif face metrically like Times New Roman, as
/// official papers are set, that covers Vietnamese; loaded once from the app's base directory. Typefaces are immutable and safe to share between threads; Lazy makes the load
/// itself thread-safe.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<(byte[] Data, SKTypeface Typeface)[]> Faces = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Common", "Pdf", "Fonts");

    public static SKTypeface Get(FontFace face) => Faces.Value[(int)face].Typeface;

    /// <summary>The font file's bytes, to embed a subset of it (see <see cref="FontSubset"/>).</summary>
    public static ReadOnlySpan<byte> Data(FontFace face) => Faces.Value[(int)face].Data;

    private static (byte[], SKTypeface)[] Load() =>
        [Open("LiberationSerif-Regular.ttf"), Open("LiberationSerif-Bold.ttf"), Open("LiberationSerif-Italic.ttf")];

    private static (byte[], SKTypeface) Open(string file)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("PDF font not found; it ships in Common/Pdf/Fonts and is copied to the output.", path);
        }

        var data = File.ReadAllBytes(path);
        using var skData = SKData.CreateCopy(data);
        return (data, SKTypeface.FromData(skData) ?? throw new InvalidOperationException($"Could not load the font {path}."));
    }
}

/// <summary>Vietnamese ways of writing dates and times on the slips.</summary>
internal static class SlipText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"14 giờ 30 phút, ngày 24/11/2026" (the value is already in Vietnam time).</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? $"{t.ToString("HH", Invariant)} giờ {t.ToString("mm", Invariant)} phút, ngày {Date(t)}" : Blank;

    public static string Date(DateTimeOffset at) => at.ToString("dd'/'MM'/'yyyy", Invariant);

    public static string Date(DateOnly at) => at.ToString("dd'/'MM'/'yyyy", Invariant);

    /// <summary>Compact time for narrow table columns, on two lines: "14:30" over "24/11/2026".</summary>
    public static string ShortTime(DateTimeOffset? at) =>
        at is { } t ? t.ToString("HH':'mm'\n'dd'/'MM'/'yyyy", Invariant) : "";

    /// <summary>
    /// "An Phú, ngày 04 tháng 02 năm 2026": days below 10 and months below 3 take a leading zero
    /// (Decree 30/2020/NĐ-CP, annex I, on the place-and-date line).
    /// </summary>
    public static string PlaceAndDate(string place, DateTimeOffset at)
    {
        var day = at.Day.ToString("00", Invariant);
        var month = at.Month < 3 ? at.Month.ToString("00", Invariant) : at.Month.ToString(Invariant);
        return $"{place}, ngày {day} tháng {month} năm {at.Year.ToString(Invariant)}";
    }

    /// <summary>Dotted leader printed where a form has no value, as on the paper forms.</summary>
    public const string Blank = "……………………";

    public static string OrBlank(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value.Trim();

    public static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    public static string Upper(string text) => Nfc(text).ToUpperInvariant();

    /// <summary>
    /// The issuing unit's name in full, as the heading of an official paper has it (Decree 30/2020/NĐ-CP): "UBND phường
    /// An Phú" is written "Ủy ban nhân dân phường An Phú".
    /// </summary>
    public static string InFull(string name)
    {
        var text = Nfc(name).Trim();
        foreach (var (abbreviation, full) in new[] { ("UBND ", "Ủy ban nhân dân "), ("HĐND ", "Hội đồng nhân dân ") })
        {
            if (text.StartsWith(abbreviation, StringComparison.Ordinal))
            {
                return full + text[abbreviation.Length..];
            }
        }

        return text;
    }
}

/// <summary>
/// Lays out slips on pages and writes them as PDF through Skia. Content flows top to bottom from
/// <see cref="Y"/>; anything that does not fit goes to a new page. Drawing is recorded per page
/// and replayed at the end, so the page count is known for the footer.
/// </summary>
internal sealed partial class PdfLayout : IDisposable
{
    /// <summary>A4 in points.</summary>
    public static readonly SKSize A4 = new(595.28f, 841.89f);

    public static readonly SKSize A4Landscape = new(841.89f, 595.28f);

    private const float Mm = 72f / 25.4f;
    private const float LineSpacing = 1.3f;
    private const float CellPadX = 3f;
    private const float CellPadY = 2.5f;

    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly Dictionary<TextStyle, SKFont> fonts = [];
    private readonly List<IDisposable> resources = [];
    private readonly Dictionary<FontFace, StringBuilder> usedText = [];
    private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint stroke = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
    private readonly SKPaint shade = new() { Color = new SKColor(0xEE, 0xEE, 0xEE), Style = SKPaintStyle.Fill };
    private float firstPageReserve;

    /// <param name="pageSize">Page size in points.</param>
    /// <param name="landscape">Narrower margins for the wide tracking book.</param>
    public PdfLayout(SKSize pageSize, bool landscape = false)
    {
        PageSize = pageSize;
        // Decree 30/2020, annex I: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
        MarginLeft = (landscape ? 20 : 30) * Mm;
        MarginRight = (landscape ? 15 : 15) * Mm;
        MarginTop = (landscape ? 15 : 20) * Mm;
        MarginBottom = (landscape ? 15 : 20) * Mm;
        NewPage();
    }

    public SKSize PageSize { get; }

    public float MarginLeft { get; }

    public float MarginRight { get; }

    public float MarginTop { get; }

    public float MarginBottom { get; }

    /// <summary>Top of the next thing to lay out, in points from the top of the current page.</summary>
    public float Y { get; private set; }

    public int PageCount => pages.Count;

    public float ContentWidth => PageSize.Width - MarginLeft - MarginRight;

    /// <summary>Lowest point content may reach on the current page.</summary>
    public float Limit => PageSize.Height - MarginBottom - (pages.Count == 1 ? firstPageReserve : 0);

    private List<Action<SKCanvas>> Page => pages[^1];

    public void NewPage()
    {
        pages.Add([]);
        Y = MarginTop;
    }

    public void Space(float points) => Y = Math.Min(Y + points, Limit);

    public void EnsureSpace(float height)
    {
        if (Y + height > Limit && Y > MarginTop)
        {
            NewPage();
        }
    }

    public float LineHeight(TextStyle style) => style.Size * LineSpacing;

    public float Measure(string text, TextStyle style) => Font(style).MeasureText(text);

    // ------------------------------------------------------------------ paragraphs

    public void Paragraph(string text, TextStyle style, Align align = Align.Left, float indent = 0, float after = 4) =>
        Paragraph([new Run(text, style)], align, indent, after);

    /// <summary>"Label: value" with the value in bold, or a dotted blank when there is none.</summary>
    public void Field(string label, string? value, float indent = 0) =>
        Paragraph([new Run(label + ": ", TextStyle.Body), new Run(SlipText.OrBlank(value), TextStyle.BodyBold)], Align.Left, indent);

    public void Paragraph(IReadOnlyList<Run> runs, Align align = Align.Left, float indent = 0, float after = 4)
    {
        var left = MarginLeft + indent;
        var width = ContentWidth - indent;
        foreach (var line in WrapRuns(runs, width))
        {
            var height = line.Max(piece => LineHeight(piece.Style));
            EnsureSpace(height);
            var lineWidth = line.Sum(piece => Measure(piece.Text, piece.Style));
            var x = align switch
            {
                Align.Center => left + ((width - lineWidth) / 2),
                Align.Right => left + width - lineWidth,
                _ => left,
            };
            foreach (var piece in line)
            {
                DrawText(piece.Text, x, Y, height, piece.Style);
                x += Measure(piece.Text, piece.Style);
            }

            Y += height;
        }

        Y += after;
    }

    /// <summary>Wraps text to a width, at spaces, then after '-' or '/', then anywhere.</summary>
    public List<string> Wrap(string text, TextStyle style, float width) =>
        WrapRuns([new Run(text, style)], width).Select(line => string.Concat(line.Select(piece => piece.Text))).ToList();

    private List<List<Run>> WrapRuns(IReadOnlyList<Run> runs, float width)
    {
        var lines = new List<List<Run>>();
        var line = new List<Run>();
        var lineWidth = 0f;
        var pendingSpace = (Run?)null;

        void Flush()
        {
            lines.Add(Merge(line));
            line = [];
            lineWidth = 0;
            pendingSpace = null;
        }

        foreach (var run in runs)
        {
            var paragraphs = SlipText.Nfc(run.Text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    Flush();
                }

                foreach (Match token in Words().Matches(paragraphs[p]))
                {
                    if (token.Index > 0 && paragraphs[p][token.Index - 1] == ' ' && line.Count > 0)
                    {
                        pendingSpace = new Run(" ", run.Style);
                    }

                    foreach (var part in SplitLongWord(token.Value, run.Style, width))
                    {
                        var spaceWidth = pendingSpace is { } space ? Measure(space.Text, space.Style) : 0;
                        var partWidth = Measure(part, run.Style);
                        if (line.Count > 0 && lineWidth + spaceWidth + partWidth > width)
                        {
                            Flush();
                            spaceWidth = 0;
                        }

                        if (pendingSpace is { } pending && line.Count > 0)
                        {
                            line.Add(pending);
                            lineWidth += spaceWidth;
                        }

                        pendingSpace = null;
                        line.Add(new Run(part, run.Style));
                        lineWidth += partWidth;
                    }
                }

                if (paragraphs[p].EndsWith(' ') && line.Count > 0)
                {
                    pendingSpace = new Run(" ", run.Style);
                }
            }
        }

        if (line.Count > 0 || lines.Count == 0)
        {
            lines.Add(Merge(line));
        }

        return lines;
    }

    /// <summary>
    /// Words for wrapping: runs of non-spaces, where groups of digits stay together
    /// ("0912 345 678" is not split over two lines).
    /// </summary>
    [GeneratedRegex(@"\S+(?:(?<=\d) (?=\d)\S+)*")]
    private static partial Regex Words();

    /// <summary>Cuts a word wider than the line: after '-', '/' or '.' where possible, else by characters.</summary>
    private IEnumerable<string> SplitLongWord(string word, TextStyle style, float width)
    {
        while (Measure(word, style) > width && word.Length > 1)
        {
            var cut = 1;
            for (var n = word.Length - 1; n >= 1; n--)
            {
                if (Measure(word[..n], style) <= width)
                {
                    cut = n;
                    break;
                }
            }

            var soft = word.LastIndexOfAny(['-', '/', '.', ','], cut - 1);
            if (soft > 0)
            {
                cut = soft + 1;
            }

            yield return word[..cut];
            word = word[cut..];
        }

        yield return word;
    }

    /// <summary>Joins neighbouring pieces of the same style, so each is drawn (and extracted) as one string.</summary>
    private static List<Run> Merge(List<Run> line)
    {
        var merged = new List<Run>();
        foreach (var piece in line)
        {
            if (merged.Count > 0 && merged[^1].Style == piece.Style)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + piece.Text };
            }
            else
            {
                merged.Add(piece);
            }
        }

        return merged;
    }

    // ------------------------------------------------------------------ blocks

    /// <summary>
    /// The national header (Decree 30/2020, annex I): on the left the parent line and the issuing
    /// unit in capitals over a short rule; on the right the country's name and motto over a rule,
    /// then the place-and-date line in italics.
    /// </summary>
    public void NationalHeader(string parentLine, string unitName, string? placeAndDate)
    {
        const float size = 10;
        var leftWidth = ContentWidth * 0.42f;
        var rightWidth = ContentWidth - leftWidth;
        var leftX = MarginLeft;
        var rightX = MarginLeft + leftWidth;
        var top = Y;

        var parentStyle = new TextStyle(FontFace.Regular, size);
        var unitStyle = new TextStyle(FontFace.Bold, size);
        var y = top;
        foreach (var line in Wrap(SlipText.Upper(parentLine), parentStyle, leftWidth))
        {
            DrawCentered(line, leftX, leftWidth, y, parentStyle);
            y += LineHeight(parentStyle);
        }

        var unitLines = Wrap(SlipText.Upper(unitName), unitStyle, leftWidth);
        foreach (var line in unitLines)
        {
            DrawCentered(line, leftX, leftWidth, y, unitStyle);
            y += LineHeight(unitStyle);
        }

        var ruleWidth = Math.Max(40, unitLines.Max(line => Measure(line, unitStyle)) * 0.4f);
        Rule(leftX + ((leftWidth - ruleWidth) / 2), y + 2.5f, ruleWidth);
        var leftBottom = y + 5;

        var nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        var nationStyle = FitStyle(nation, new TextStyle(FontFace.Bold, size), rightWidth);
        var motto = "Độc lập - Tự do - Hạnh phúc";
        var mottoStyle = new TextStyle(FontFace.Bold, nationStyle.Size + 0.5f);
        y = top;
        DrawCentered(nation, rightX, rightWidth, y, nationStyle);
        y += LineHeight(nationStyle);
        DrawCentered(motto, rightX, rightWidth, y, mottoStyle);
        y += LineHeight(mottoStyle);
        var mottoWidth = Measure(motto, mottoStyle);
        Rule(rightX + ((rightWidth - mottoWidth) / 2), y + 2.5f, mottoWidth);
        y += 12;
        if (!string.IsNullOrWhiteSpace(placeAndDate))
        {
            var dateStyle = new TextStyle(FontFace.Italic, size);
            foreach (var line in Wrap(placeAndDate, dateStyle, rightWidth))
            {
                DrawCentered(line, rightX, rightWidth, y, dateStyle);
                y += LineHeight(dateStyle);
            }
        }

        Y = Math.Max(leftBottom, y) + 14;
    }

    /// <summary>The form's name in bold capitals, centred, then "Mã hồ sơ: …".</summary>
    public void Title(string title, string? applicationCode)
    {
        Paragraph(SlipText.Upper(title), TextStyle.Title, Align.Center, after: 2);
        if (applicationCode is not null)
        {
            Paragraph([new Run("Mã hồ sơ: ", TextStyle.Body), new Run(SlipText.OrBlank(applicationCode), TextStyle.BodyBold)], Align.Center, after: 0);
        }

        Y += 10;
    }

    /// <summary>
    /// A bordered table whose header row repeats on every page it spans. A row that does not fit
    /// moves to the next page; a row taller than a whole page is split between its lines.
    /// </summary>
    /// <param name="groups">
    /// Optional headings above the column headers, each over <c>Span</c> columns in order; a null title leaves those
    /// columns' own headers spanning both header rows.
    /// </param>
    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, TextStyle body, TextStyle head, float after = 6,
        IReadOnlyList<TableGroup>? groups = null)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => ContentWidth * c.Weight / total).ToArray();
        var headerCells = columns.Select((c, i) => Wrap(c.Header, head, widths[i] - (2 * CellPadX))).ToList();
        var columnsHeight = RowHeight(headerCells.Max(c => c.Count), head);
        var spans = new List<(string? Title, int First, int Count, float X, float Width, List<string> Lines)>();
        if (groups is not null)
        {
            var (start, x) = (0, MarginLeft);
            foreach (var group in groups)
            {
                var width = widths.Skip(start).Take(group.Span).Sum();
                spans.Add((group.Title, start, group.Span, x, width, group.Title is null ? [] : Wrap(group.Title, head, width - (2 * CellPadX))));
                (start, x) = (start + group.Span, x + width);
            }
        }

        var groupHeight = spans.Count == 0 ? 0 : RowHeight(spans.Max(g => g.Lines.Count), head);
        var headerHeight = groupHeight + columnsHeight;

        var first = rows.Count > 0 ? RowHeight(WrapRow(rows[0]).Max(c => c.Count), body) : 0;
        EnsureSpace(headerHeight + Math.Min(first, LineHeight(body) * 3));
        DrawHeader();

        foreach (var row in rows)
        {
            var cells = WrapRow(row);
            while (true)
            {
                var lines = cells.Max(c => c.Count);
                var height = RowHeight(lines, body);
                if (Y + height <= Limit)
                {
                    DrawRow(cells, body, height, header: false);
                    break;
                }

                var fit = (int)Math.Floor((Limit - Y - (2 * CellPadY)) / LineHeight(body));
                var freshPage = PageSize.Height - MarginTop - MarginBottom - headerHeight;
                if (height <= freshPage || fit < 1)
                {
                    NewPage();
                    DrawHeader();
                    if (height <= freshPage)
                    {
                        continue;
                    }

                    fit = (int)Math.Floor((Limit - Y - (2 * CellPadY)) / LineHeight(body));
                }

                // Taller than a page: draw the lines that fit here and carry the rest over.
                DrawRow(cells.Select(c => c.Take(fit).ToList()).ToList(), body, RowHeight(fit, body), header: false);
                cells = cells.Select(c => c.Skip(fit).ToList()).ToList();
                NewPage();
                DrawHeader();
            }
        }

        Y += after;

        List<List<string>> WrapRow(IReadOnlyList<string> row) =>
            columns.Select((c, i) => Wrap(i < row.Count ? row[i] ?? "" : "", body, widths[i] - (2 * CellPadX))).ToList();

        void DrawHeader()
        {
            if (spans.Count == 0)
            {
                DrawRow(headerCells, head, columnsHeight, header: true);
                return;
            }

            var top = Y;
            foreach (var group in spans.Where(g => g.Title is not null))
            {
                var rect = SKRect.Create(group.X, top, group.Width, groupHeight);
                Page.Add(canvas => canvas.DrawRect(rect, shade));
                Page.Add(canvas => canvas.DrawRect(rect, stroke));
                var lineTop = top + CellPadY;
                foreach (var line in group.Lines)
                {
                    DrawCentered(line, group.X + CellPadX, group.Width - (2 * CellPadX), lineTop, head);
                    lineTop += LineHeight(head);
                }
            }

            // Columns without a group heading take both rows; the others sit below their heading.
            var tall = spans.Where(g => g.Title is null).SelectMany(g => Enumerable.Range(g.First, g.Count)).ToHashSet();
            var x = MarginLeft;
            for (var i = 0; i < columns.Count; i++)
            {
                var cellTop = tall.Contains(i) ? top : top + groupHeight;
                var height = tall.Contains(i) ? headerHeight : columnsHeight;
                var rect = SKRect.Create(x, cellTop, widths[i], height);
                Page.Add(canvas => canvas.DrawRect(rect, shade));
                Page.Add(canvas => canvas.DrawRect(rect, stroke));
                var lineTop = cellTop + ((height - (headerCells[i].Count * LineHeight(head))) / 2);
                foreach (var line in headerCells[i])
                {
                    DrawCentered(line, x + CellPadX, widths[i] - (2 * CellPadX), lineTop, head);
                    lineTop += LineHeight(head);
                }

                x += widths[i];
            }

            Y = top + headerHeight;
        }

        void DrawRow(List<List<string>> cells, TextStyle style, float height, bool header)
        {
            var x = MarginLeft;
            var top = Y;
            for (var i = 0; i < columns.Count; i++)
            {
                var rect = SKRect.Create(x, top, widths[i], height);
                if (header)
                {
                    Page.Add(canvas => canvas.DrawRect(rect, shade));
                }

                Page.Add(canvas => canvas.DrawRect(rect, stroke));
                var lineTop = top + CellPadY;
                var align = header ? Align.Center : columns[i].Align;
                foreach (var line in cells[i])
                {
                    var inner = widths[i] - (2 * CellPadX);
                    var lineX = align switch
                    {
                        Align.Center => x + CellPadX + ((inner - Measure(line, style)) / 2),
                        Align.Right => x + CellPadX + inner - Measure(line, style),
                        _ => x + CellPadX,
                    };
                    DrawText(line, lineX, lineTop, LineHeight(style), style);
                    lineTop += LineHeight(style);
                }

                x += widths[i];
            }

            Y = top + height;
        }
    }

    private float RowHeight(int lines, TextStyle style) => (Math.Max(1, lines) * LineHeight(style)) + (2 * CellPadY);

    /// <summary>
    /// Signature blocks side by side in two halves of the width (a missing one leaves its half
    /// empty); "Nơi nhận" lines may take the left half instead.
    /// </summary>
    public void Signatures(SignatureBlock? left, SignatureBlock? right, IReadOnlyList<string>? recipients = null)
    {
        var half = ContentWidth / 2;
        var titleStyle = new TextStyle(FontFace.Bold, 10.5f);
        var hintStyle = new TextStyle(FontFace.Italic, 9.5f);
        const float signingRoom = 58;

        float BlockHeight(SignatureBlock block) =>
            (Wrap(block.Title, titleStyle, half - 10).Count * LineHeight(titleStyle))
            + (Wrap(block.Hint, hintStyle, half - 10).Count * LineHeight(hintStyle))
            + signingRoom + LineHeight(titleStyle);

        var recipientsHeight = recipients is null ? 0 : (recipients.Count + 1) * LineHeight(TextStyle.Small);
        var height = Math.Max(recipientsHeight, new[] { left, right }.OfType<SignatureBlock>().Select(BlockHeight).DefaultIfEmpty(0).Max());
        Y += 8;
        EnsureSpace(height);
        var top = Y;

        if (recipients is not null && left is null)
        {
            var y = top;
            var heading = new TextStyle(FontFace.Bold, 9.5f);
            DrawText("Nơi nhận:", MarginLeft, y, LineHeight(heading), heading);
            y += LineHeight(heading);
            foreach (var recipient in recipients)
            {
                DrawText(recipient, MarginLeft, y, LineHeight(TextStyle.Small), TextStyle.Small);
                y += LineHeight(TextStyle.Small);
            }
        }

        foreach (var (block, x) in new[] { (left, MarginLeft), (right, MarginLeft + half) })
        {
            if (block is null)
            {
                continue;
            }

            var y = top;
            foreach (var line in Wrap(SlipText.Upper(block.Title), titleStyle, half - 10))
            {
                DrawCentered(line, x, half, y, titleStyle);
                y += LineHeight(titleStyle);
            }

            foreach (var line in Wrap(block.Hint, hintStyle, half - 10))
            {
                DrawCentered(line, x, half, y, hintStyle);
                y += LineHeight(hintStyle);
            }

            y += signingRoom;
            if (!string.IsNullOrWhiteSpace(block.Name))
            {
                DrawCentered(SlipText.Nfc(block.Name), x, half, y, titleStyle);
            }
        }

        Y = top + height;
    }

    /// <summary>
    /// A QR code of <paramref name="url"/> at the bottom right of the first page, with a caption;
    /// the first page's content stops above it.
    /// </summary>
    public void QrCodeOnFirstPage(string url, string caption)
    {
        const float size = 68;
        var captionStyle = new TextStyle(FontFace.Italic, 8);
        byte[] png;
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M))
        using (var code = new PngByteQRCode(data))
        {
            png = code.GetGraphic(8);
        }

        var captionWidth = Measure(caption, captionStyle);
        var boxWidth = Math.Max(size, captionWidth);
        var right = PageSize.Width - MarginRight - 1; // italic overhang stays inside the margin
        var bottom = PageSize.Height - MarginBottom;
        var captionTop = bottom - LineHeight(captionStyle);
        var rect = SKRect.Create(right - boxWidth + ((boxWidth - size) / 2), captionTop - size, size, size);
        pages[0].Add(canvas =>
        {
            var image = SKImage.FromEncodedData(png) ?? throw new InvalidOperationException("QR code image could not be decoded.");
            resources.Add(image);
            canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Nearest));
        });
        var captionX = right - boxWidth + ((boxWidth - captionWidth) / 2);
        var font = Font(captionStyle);
        var baseline = Baseline(captionTop, LineHeight(captionStyle), font);
        Use(captionStyle.Face, caption);
        pages[0].Add(canvas => canvas.DrawText(caption, captionX, baseline, SKTextAlign.Left, font, ink));
        firstPageReserve = size + LineHeight(captionStyle) + 8;
    }

    // ------------------------------------------------------------------ output

    public byte[] ToPdf(string title, string author, DateTimeOffset createdAt)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = SlipText.Nfc(title);
        metadata.Author = SlipText.Nfc(author);
        metadata.Creator = "MotCua";
        metadata.Producer = "MotCua (SkiaSharp)";
        // Skia writes the date with no offset of its own ("Z"): give it the instant in UTC, not the Vietnam wall clock.
        metadata.Creation = createdAt.UtcDateTime;
        metadata.Modified = createdAt.UtcDateTime;

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var footerStyle = new TextStyle(FontFace.Regular, 8);
            var footerFont = Font(footerStyle);
            Use(footerStyle.Face, "Trang 0123456789/");
            EmbedSubsets();
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(PageSize.Width, PageSize.Height);
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }

                if (pages.Count > 1)
                {
                    var footer = $"Trang {i + 1}/{pages.Count}";
                    var x = (PageSize.Width - footerFont.MeasureText(footer)) / 2;
                    canvas.DrawText(footer, x, PageSize.Height - (MarginBottom / 2), SKTextAlign.Left, footerFont, ink);
                }

                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        foreach (var resource in resources)
        {
            resource.Dispose();
        }

        ink.Dispose();
        stroke.Dispose();
        shade.Dispose();
    }

    // ------------------------------------------------------------------ primitives

    private void Use(FontFace face, string text)
    {
        if (!usedText.TryGetValue(face, out var used))
        {
            usedText[face] = used = new StringBuilder();
        }

        used.Append(text);
    }

    /// <summary>Swaps each font for one holding only the glyphs this document draws.</summary>
    private void EmbedSubsets()
    {
        foreach (var (face, text) in usedText)
        {
            using var full = new SKFont(PdfFonts.Get(face));
            var subset = FontSubset.Keep(PdfFonts.Data(face), full.GetGlyphs(text.ToString()));
            using var data = SKData.CreateCopy(subset);
            var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Font subset of {face} could not be loaded.");
            resources.Add(typeface);
            foreach (var (style, font) in fonts)
            {
                if (style.Face == face)
                {
                    font.Typeface = typeface;
                }
            }
        }
    }

    private SKFont Font(TextStyle style)
    {
        if (!fonts.TryGetValue(style, out var font))
        {
            font = new SKFont(PdfFonts.Get(style.Face), style.Size)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
                Edging = SKFontEdging.Antialias,
            };
            fonts[style] = font;
        }

        return font;
    }

    private static TextStyle FitStyle(string text, TextStyle style, float width)
    {
        using var font = new SKFont(PdfFonts.Get(style.Face), style.Size) { LinearMetrics = true, Hinting = SKFontHinting.None };
        var measured = font.MeasureText(text);
        return measured <= width ? style : style with { Size = MathF.Floor(style.Size * width / measured * 10) / 10 };
    }

    private static float Baseline(float top, float lineHeight, SKFont font)
    {
        font.GetFontMetrics(out var metrics);
        var glyphHeight = metrics.Descent - metrics.Ascent;
        return top + ((lineHeight - glyphHeight) / 2) - metrics.Ascent;
    }

    private void DrawText(string text, float x, float top, float lineHeight, TextStyle style)
    {
        if (text.Length == 0)
        {
            return;
        }

        var font = Font(style);
        var baseline = Baseline(top, lineHeight, font);
        var value = SlipText.Nfc(text);
        Use(style.Face, value);
        Page.Add(canvas => canvas.DrawText(value, x, baseline, SKTextAlign.Left, font, ink));
    }

    private void DrawCentered(string text, float left, float width, float top, TextStyle style) =>
        DrawText(text, left + ((width - Measure(text, style)) / 2), top, LineHeight(style), style);

    private void Rule(float x, float y, float width) =>
        Page.Add(canvas => canvas.DrawLine(x, y, x + width, y, stroke));
}
