using System.Globalization;
using System.Net;
using System.Text;

namespace Sync.Engine.Reports;

/// <summary>Small pieces shared by the report's inline SVG charts: number formatting, escaping and linear scales.</summary>
internal static class Svg
{
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Maps <paramref name="value"/> from [<paramref name="min"/>, <paramref name="max"/>] to [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static double Scale(double value, double min, double max, double from, double to) =>
        max <= min ? (from + to) / 2 : from + (value - min) / (max - min) * (to - from);

    /// <summary>About <paramref name="count"/> round tick values covering [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IEnumerable<double> Ticks(double min, double max, int count)
    {
        if (max <= min)
        {
            yield return min;
            yield break;
        }

        var raw = (max - min) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step)
        {
            yield return t;
        }
    }

    public static void Text(StringBuilder svg, double x, double y, string text, string anchor = "middle", string cssClass = "label") =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">{Escape(text)}</text>");

    public static string Duration(double ms)
    {
        var s = ms / 1000;
        return s < 60 ? $"{F(s)} s" : s < 3600 ? $"{Math.Floor(s / 60):0} min {s % 60:0} s" : $"{Math.Floor(s / 3600):0} h {Math.Floor(s % 3600 / 60):0} min";
    }
}
