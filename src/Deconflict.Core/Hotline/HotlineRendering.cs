namespace Deconflict.Core.Hotline;

/// <summary>A message rendered in one language. <see cref="HasUntranslatedText"/>: it contains free text shown as written.</summary>
public sealed record HotlineRendering(string Language, string Text, bool HasUntranslatedText);
