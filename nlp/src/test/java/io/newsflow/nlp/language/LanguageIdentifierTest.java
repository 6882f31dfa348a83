package io.newsflow.nlp.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {

  private static LanguageIdentifier languages;

  @BeforeAll
  static void load() {
    languages = LanguageIdentifier.load();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Storm closes schools across the north | Heavy snow and strong winds closed hundreds of schools across the north of the country on Monday, and the rail operator cancelled most services until the evening.
      fr | La tempête ferme les écoles du nord | De fortes chutes de neige et des vents violents ont entraîné lundi la fermeture de centaines d'écoles dans le nord du pays, tandis que la compagnie ferroviaire a supprimé la plupart des trains jusqu'au soir.
      de | Sturm schließt Schulen im Norden | Heftiger Schneefall und starker Wind haben am Montag im Norden des Landes Hunderte Schulen geschlossen, die Bahn strich die meisten Verbindungen bis zum Abend.
      es | La tormenta cierra escuelas en el norte | Las fuertes nevadas y los vientos intensos obligaron el lunes a cerrar cientos de escuelas en el norte del país, y la empresa ferroviaria canceló la mayoría de los trenes hasta la noche.
      it | La tempesta chiude le scuole del nord | Forti nevicate e venti intensi hanno costretto lunedì alla chiusura di centinaia di scuole nel nord del paese, mentre le ferrovie hanno cancellato gran parte dei treni fino a sera.
      el | Η καταιγίδα κλείνει σχολεία στον βορρά | Οι έντονες χιονοπτώσεις και οι ισχυροί άνεμοι οδήγησαν τη Δευτέρα στο κλείσιμο εκατοντάδων σχολείων στα βόρεια της χώρας, ενώ ο σιδηρόδρομος ακύρωσε τα περισσότερα δρομολόγια μέχρι το βράδυ.
      uk | Буря закрила школи на півночі | Сильний снігопад і поривчастий вітер у понеділок змусили закрити сотні шкіл на півночі країни, а залізниця скасувала більшість рейсів до вечора.
      """)
  void detectsTheLanguageOfANewsParagraph(String expected, String headline, String body) {
    // given a headline and first paragraph with no declared language
    // when the language is identified
    LanguageIdentifier.Identified identified = languages.identify(null, headline, body);

    // then it is the paragraph's language, found from the text
    assertThat(identified).isEqualTo(new LanguageIdentifier.Identified(expected, "detected"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Minister resigns | The transport minister resigned on Friday after an inquiry criticised his handling of contracts.
      fr | Le ministre démissionne | Le ministre des Transports a démissionné vendredi après une enquête critiquant sa gestion des contrats.
      de | Minister tritt zurück | Der Verkehrsminister ist am Freitag zurückgetreten, nachdem ein Bericht seine Vergabe von Aufträgen kritisiert hatte.
      es | Dimite el ministro | El ministro de Transportes dimitió el viernes después de que una investigación criticara su gestión de los contratos.
      it | Si dimette il ministro | Il ministro dei Trasporti si è dimesso venerdì dopo che un'inchiesta ha criticato la sua gestione degli appalti.
      el | Παραιτήθηκε ο υπουργός | Ο υπουργός Μεταφορών παραιτήθηκε την Παρασκευή, αφού μια έρευνα επέκρινε τον χειρισμό των συμβάσεων.
      uk | Міністр подав у відставку | Міністр транспорту в пʼятницю подав у відставку після того, як розслідування розкритикувало його роботу з контрактами.
      """)
  void detectsTheLanguageOfAOneSentenceBrief(String expected, String headline, String body) {
    // given a one-sentence brief
    // when the language is identified
    // then it is still right
    assertThat(languages.identify(null, headline, body).language()).isEqualTo(expected);
  }

  @Test
  void saysUndeterminedRatherThanGuessingOnAFewWords() {
    // given a headline of two words and no body
    // when the language is identified
    LanguageIdentifier.Identified identified = languages.identify(null, "Breaking news", "");

    // then it is undetermined, not a guess
    assertThat(identified.language()).isEqualTo(LanguageIdentifier.UNDETERMINED);
  }

  @Test
  void saysUndeterminedForTextWithoutWords() {
    assertThat(languages.identify(null, "2026-05-16", "12:00 | 3-1 | 4.5% | 1,200").language())
        .isEqualTo(LanguageIdentifier.UNDETERMINED);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"en-GB, en", "EN_us, en", "fr-CA, fr", "de, de", "ell, el", "ukr, uk", "ger, de", "pt-BR, pt"})
  void normalisesDeclaredTagsToTheirLanguage(String declared, String expected) {
    // given an article delivered with a language tag
    // when the language is identified
    LanguageIdentifier.Identified identified = languages.identify(declared, "Any headline", "Any body.");

    // then the record's language wins, as its ISO 639-1 code
    assertThat(identified).isEqualTo(new LanguageIdentifier.Identified(expected, "record"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"und", "mul", "'  '", "english!", "x-klingon"})
  void detectsFromTextWhenTheDeclaredTagNamesNoLanguage(String declared) {
    LanguageIdentifier.Identified identified = languages.identify(declared,
        "Le ministre démissionne", "Le ministre des Transports a démissionné vendredi après une enquête.");

    assertThat(identified).isEqualTo(new LanguageIdentifier.Identified("fr", "detected"));
  }
}
