namespace Deconflict.Core.Hotline;

/// <summary>
/// Every language the hotline can render, each from its own data file. The built-in English and Russian files are
/// embedded resources; a deployment adds a language by dropping <c>xx.json</c> into a directory given to
/// <see cref="WithDirectory"/> — no code change. Unknown languages fall back to English.
/// </summary>
public sealed class HotlineCatalog
{
    public const string FallbackLanguage = "en";
    private const string ResourcePrefix = "Deconflict.Core.Hotline.Catalog.";

    private readonly Dictionary<string, HotlineLanguage> _languages;

    private HotlineCatalog(Dictionary<string, HotlineLanguage> languages) => _languages = languages;

    public static HotlineCatalog Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Languages => _languages.Keys;

    public bool Supports(string? code) => code is not null && _languages.ContainsKey(code);

    public HotlineLanguage Language(string? code) =>
        code is not null && _languages.TryGetValue(code, out var language) ? language : _languages[FallbackLanguage];

    /// <summary>Renders <paramref name="message"/> in <paramref name="language"/> (English when that language is not in the catalogue).</summary>
    public HotlineRendering Render(HotlineMessage message, string? language, Func<string, HotlineReference?>? references = null) =>
        Language(language).Render(message, references);

    /// <summary>This catalogue plus (or overridden by) every <c>*.json</c> language file in <paramref name="directory"/>.</summary>
    public HotlineCatalog WithDirectory(string directory)
    {
        var languages = new Dictionary<string, HotlineLanguage>(_languages, StringComparer.Ordinal);
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var language = HotlineLanguage.Parse(File.ReadAllText(file), file);
                languages[language.Code] = language;
            }
        }
        return new HotlineCatalog(languages);
    }

    private static HotlineCatalog LoadEmbedded()
    {
        var assembly = typeof(HotlineCatalog).Assembly;
        var languages = new Dictionary<string, HotlineLanguage>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var language = HotlineLanguage.Parse(reader.ReadToEnd(), name);
            languages[language.Code] = language;
        }
        if (!languages.ContainsKey(FallbackLanguage))
        {
            throw new InvalidDataException("the built-in hotline catalogue has no English file");
        }
        return new HotlineCatalog(languages);
    }
}
