using System.Globalization;
using System.Net;
using System.Text;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>One bar of a trend chart: its label under the axis, its value in percent (null: nothing counted) and the target then.</summary>
public sealed record TrendBar(string Label, decimal? Value, decimal? Target, string? Level);

/// <summary>
/// A bar chart of an indicator month by month, drawn on the server as SVG: it needs no JavaScript, prints, and scales to
/// the phone. The chart is one image with a text alternative; the same numbers are in the table beside it.
/// </summary>
public static class TrendChart
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 16;
    private const int Bottom = 40;

    /// <param name="title">Read out as the image's name.</param>
    /// <param name="description">Read out after it: the numbers in words.</param>
    public static string Svg(string id, string title, string description, IReadOnlyList<TrendBar> bars, string targetLabel)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var inv = CultureInfo.InvariantCulture;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var (plotWidth, plotHeight) = (Width - Left - Right, Height - Top - Bottom);
        double Y(decimal percent) => Top + (plotHeight * (1 - ((double)Math.Clamp(percent, 0, 100) / 100)));
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg class=\"trend-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(inv, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var y = Y(tick);
            svg.Append(inv, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            svg.Append(inv, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{tick} %</text>");
        }

        var slot = bars.Count == 0 ? plotWidth : (double)plotWidth / bars.Count;
        var barWidth = Math.Max(6, slot * 0.6);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            var centre = x + (barWidth / 2);
            if (bar.Value is decimal value)
            {
                var y = Y(value);
                var level = bar.Level is null ? string.Empty : " level-" + bar.Level;
                svg.Append(inv, $"<rect class=\"bar{level}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{Top + plotHeight - y:0.#}\"/>");
                svg.Append(inv, $"<text class=\"value\" x=\"{centre:0.#}\" y=\"{Math.Max(Top + 10, y - 4):0.#}\" text-anchor=\"middle\">{value.ToString("0.#", vi)}</text>");
            }
            else
            {
                svg.Append(inv, $"<text class=\"value none\" x=\"{centre:0.#}\" y=\"{Top + plotHeight - 4:0.#}\" text-anchor=\"middle\">–</text>");
            }

            if (bar.Target is decimal target and > 0 and <= 100)
            {
                var y = Y(target);
                svg.Append(inv, $"<line class=\"target\" x1=\"{Left + (slot * i):0.#}\" x2=\"{Left + (slot * (i + 1)):0.#}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            }

            svg.Append(inv, $"<text class=\"axis\" x=\"{centre:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(bar.Label)}</text>");
        }

        if (bars.Any(b => b.Target is > 0 and <= 100))
        {
            svg.Append(inv, $"<line class=\"target\" x1=\"{Left}\" x2=\"{Left + 24}\" y1=\"{Height - 10}\" y2=\"{Height - 10}\"/>");
            svg.Append(inv, $"<text class=\"axis\" x=\"{Left + 30}\" y=\"{Height - 6}\">{WebUtility.HtmlEncode(targetLabel)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
