using System.Collections.Frozen;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Common.Localization;

/// <summary>
/// The portal's words from <c>Texts.en.resx</c>, embedded as it is and read once. Keys are Vietnamese sentences, and
/// two may differ only in case ("Thủ tục" as a heading, "thủ tục" inside a sentence): the compiled-resource route
/// treats names case-insensitively and drops one of such a pair, so the file is read here with ordinal keys instead.
/// A missing text comes back as its Vietnamese key, marked not found.
/// </summary>
public sealed class TextsLocalizer : IStringLocalizer<Texts>
{
    private const string EnglishResource = "MotCua.Web.Texts.en.resx";

    private static readonly Lazy<FrozenDictionary<string, string>> EnglishTexts = new(() => Read(EnglishResource), LazyThreadSafetyMode.ExecutionAndPublication);

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return Texts.IsEnglish && EnglishTexts.Value.TryGetValue(name, out var english)
                ? new LocalizedString(name, english, resourceNotFound: false)
                : new LocalizedString(name, name, resourceNotFound: true);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Texts.IsEnglish ? EnglishTexts.Value.Select(t => new LocalizedString(t.Key, t.Value, resourceNotFound: false)) : [];

    /// <summary>Every English text by its Vietnamese key (for the tests that check the file).</summary>
    public static IReadOnlyDictionary<string, string> English => EnglishTexts.Value;

    private static FrozenDictionary<string, string> Read(string resource)
    {
        using var stream = typeof(TextsLocalizer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The English texts ({resource}) are not embedded in the assembly.");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(stream).Root!.Elements("data"))
        {
            var name = (string?)data.Attribute("name") ?? throw new InvalidOperationException("A text in Texts.en.resx has no name.");
            if (!texts.TryAdd(name, (string?)data.Element("value") ?? string.Empty))
            {
                throw new InvalidOperationException($"Texts.en.resx has “{name}” twice.");
            }
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
