using Deconflict.Testing;
using Deconflict.Core.Hotline;

namespace Deconflict.Core.Tests.Hotline;

public class HotlineCatalogTests
{
    public static TheoryData<string, string> TemplatesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in HotlineTemplates.All)
        {
            data.Add(template.Id, "en");
            data.Add(template.Id, "ru");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TemplatesAndLanguages))]
    public void Every_template_renders_every_parameter_in_both_languages(string templateId, string language)
    {
        var template = HotlineTemplates.Find(templateId)!;
        var message = HotlineSamples.Full(template);
        var catalogLanguage = HotlineCatalog.Default.Language(language);
        var rendering = HotlineCatalog.Default.Render(message, language);
        rendering.Language.ShouldBe(language);
        rendering.Text.ShouldNotContain("{");
        rendering.Text.ShouldNotContain("[");
        foreach (var parameter in template.Parameters)
        {
            rendering.Text.ShouldContain(catalogLanguage.Format(message.Parameters[parameter.Name]), customMessage: parameter.Name);
        }
        rendering.HasUntranslatedText.ShouldBe(template.Parameters.Any(p => p.Type == HotlineParameterType.Text));
    }

    [Fact]
    public void The_two_languages_differ_and_render_the_same_values()
    {
        var message = HotlineSamples.Full(HotlineTemplates.Find(HotlineTemplates.RequestAltitudeChange)!);
        var en = HotlineCatalog.Default.Render(message, "en").Text;
        var ru = HotlineCatalog.Default.Render(message, "ru").Text;
        en.ShouldBe("REQUEST: change altitude to FL320 by 2026-03-01 12:45 UTC, track RFF123, intent INT-77.");
        ru.ShouldBe("ЗАПРОС: перейти на эшелон 320 до 01.03.2026 12:45 UTC, трек RFF123, план INT-77.");
    }

    [Fact]
    public void Positions_show_decimal_degrees_and_mgrs_in_utc_times()
    {
        var message = HotlineSamples.Full(HotlineTemplates.Find(HotlineTemplates.TrafficAlert)!);
        var en = HotlineCatalog.Default.Render(message, "en").Text;
        en.ShouldContain("35.10000° N 38.20000° W (MGRS 24S WD 72913 84425)");
        en.ShouldContain("12:45 UTC");
        HotlineCatalog.Default.Render(message, "ru").Text.ShouldContain("35.10000° с. ш. 38.20000° з. д. (MGRS 24S WD 72913 84425)");
    }

    [Fact]
    public void Optional_segments_disappear_when_their_parameter_is_absent()
    {
        var message = HotlineSamples.Parse(HotlineTemplates.RequestAltitudeChange, """{"flight_level":240}""").Message!;
        HotlineCatalog.Default.Render(message, "en").Text.ShouldBe("REQUEST: change altitude to FL240.");
        HotlineCatalog.Default.Render(message, "ru").Text.ShouldBe("ЗАПРОС: перейти на эшелон 240.");
    }

    [Fact]
    public void Free_text_is_shown_as_written_and_marked_untranslated()
    {
        var message = HotlineSamples.Parse(HotlineTemplates.FreeText, "{}", "Проверка связи").Message!;
        var en = HotlineCatalog.Default.Render(message, "en");
        en.Text.ShouldBe("Free text: «Проверка связи» (untranslated)");
        en.HasUntranslatedText.ShouldBeTrue();
        HotlineCatalog.Default.Render(message, "ru").Text.ShouldBe("Свободный текст: «Проверка связи» (без перевода)");
    }

    [Fact]
    public void A_remark_on_a_structured_message_is_marked_untranslated()
    {
        var message = HotlineSamples.Parse(HotlineTemplates.Wilco, """{"reply_to":"MSG-4"}""", "climbing now").Message!;
        var ru = HotlineCatalog.Default.Render(message, "ru");
        ru.Text.ShouldBe("ВЫПОЛНЯЮ: сообщение MSG-4. Примечание: «climbing now» (без перевода)");
        ru.HasUntranslatedText.ShouldBeTrue();
    }

    [Fact]
    public void An_answer_names_the_message_it_answers_by_template_and_time_when_the_reader_knows_it()
    {
        var unable = HotlineSamples.Parse(HotlineTemplates.Unable, """{"reply_to":"msg-01a23bb9c04471798944","reason":"traffic"}""").Message!;
        var sent = new DateTimeOffset(2026, 3, 1, 10, 2, 0, TimeSpan.Zero);
        HotlineReference? Known(string id) => id == "msg-01a23bb9c04471798944" ? new HotlineReference(HotlineTemplates.RequestAltitudeChange, sent) : null;
        HotlineCatalog.Default.Render(unable, "ru", Known).Text.ShouldBe("НЕ МОГУ ВЫПОЛНИТЬ запрос смены эшелона от 01.03.2026 10:02 UTC: «traffic» (без перевода).");
        HotlineCatalog.Default.Render(unable, "en", Known).Text.ShouldBe("UNABLE to comply with the altitude change request of 2026-03-01 10:02 UTC: «traffic» (untranslated).");
        // A message the reader does not know is still named by its id.
        HotlineCatalog.Default.Render(unable, "ru", _ => null).Text.ShouldContain("сообщение msg-01a23bb9c04471798944");
    }

    [Fact]
    public void A_language_file_without_a_title_for_every_template_is_refused()
    {
        var english = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Deconflict.Core", "Hotline", "Catalog", "en.json"));
        Should.Throw<InvalidDataException>(() => HotlineLanguage.Parse(english.Replace("\"WILCO\": \"wilco reply\",", "", StringComparison.Ordinal), "x.json"))
            .Message.ShouldContain("titles.WILCO");
    }

    [Fact]
    public void An_unknown_language_falls_back_to_english()
    {
        var message = HotlineSamples.Parse(HotlineTemplates.Acknowledge, "{}").Message!;
        HotlineCatalog.Default.Render(message, "xx").ShouldBe(new HotlineRendering("en", "ACKNOWLEDGED.", false));
        HotlineCatalog.Default.Languages.ShouldBe(["en", "ru"], ignoreOrder: true);
    }

    [Fact]
    public void A_new_language_is_a_data_file()
    {
        var dir = Directory.CreateTempSubdirectory("deconflict-catalog-").FullName;
        try
        {
            var english = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Deconflict.Core", "Hotline", "Catalog", "en.json"));
            File.WriteAllText(Path.Combine(dir, "fr.json"), english
                .Replace("\"language\": \"en\"", "\"language\": \"fr\"", StringComparison.Ordinal)
                .Replace("ACKNOWLEDGED", "REÇU", StringComparison.Ordinal));
            var catalog = HotlineCatalog.Default.WithDirectory(dir);
            catalog.Supports("fr").ShouldBeTrue();
            catalog.Render(HotlineSamples.Parse(HotlineTemplates.Acknowledge, "{}").Message!, "fr").Text.ShouldBe("REÇU.");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_language_file_missing_a_parameter_is_refused_at_load()
    {
        var english = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Deconflict.Core", "Hotline", "Catalog", "en.json"));
        var broken = english.Replace("[, track {track_id}][, intent {intent_id}].\",\n    \"REQUEST_HOLD\"", ".\",\n    \"REQUEST_HOLD\"", StringComparison.Ordinal);
        broken.ShouldNotBe(english);
        Should.Throw<InvalidDataException>(() => HotlineLanguage.Parse(broken, "broken.json")).Message.ShouldContain("track_id");
        Should.Throw<InvalidDataException>(() => HotlineLanguage.Parse(english.Replace("{flight_level}[ by", "[{flight_level}][ by", StringComparison.Ordinal), "x.json"))
            .Message.ShouldContain("required");
    }
}
