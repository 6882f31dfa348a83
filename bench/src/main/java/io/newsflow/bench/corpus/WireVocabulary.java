package io.newsflow.bench.corpus;

import java.util.List;

/**
 * The names and phrases generated wire copy is made of: public office holders with their titles, countries with
 * their capitals and demonyms, organisations, and the neutral verbs and topics of political and business news.
 * Written for the bench (facts and stock phrases, no text taken from any corpus).
 */
final class WireVocabulary {

  /**
   * A person as wire copy introduces them: "German Chancellor Olaf Scholz", then "Scholz".
   *
   * @param country   the country name, or for officials of an organisation the short name it is written with
   * @param shortName how later mentions refer to them
   */
  record Person(String title, String name, String country, String shortName) {
    Person(String title, String name, String country) {
      this(title, name, country, name.substring(name.lastIndexOf(' ') + 1));
    }
  }

  record Country(String name, String demonym, String capital) {}

  static final List<Country> COUNTRIES = List.of(
      new Country("France", "French", "Paris"),
      new Country("Germany", "German", "Berlin"),
      new Country("Britain", "British", "London"),
      new Country("Italy", "Italian", "Rome"),
      new Country("Spain", "Spanish", "Madrid"),
      new Country("Poland", "Polish", "Warsaw"),
      new Country("Greece", "Greek", "Athens"),
      new Country("Ukraine", "Ukrainian", "Kyiv"),
      new Country("Russia", "Russian", "Moscow"),
      new Country("the United States", "U.S.", "Washington"),
      new Country("Canada", "Canadian", "Ottawa"),
      new Country("Japan", "Japanese", "Tokyo"),
      new Country("China", "Chinese", "Beijing"),
      new Country("India", "Indian", "New Delhi"),
      new Country("Brazil", "Brazilian", "Brasilia"),
      new Country("Turkey", "Turkish", "Ankara"),
      new Country("Denmark", "Danish", "Copenhagen"),
      new Country("Sweden", "Swedish", "Stockholm"),
      new Country("Finland", "Finnish", "Helsinki"),
      new Country("the Netherlands", "Dutch", "The Hague"),
      new Country("Egypt", "Egyptian", "Cairo"),
      new Country("Kenya", "Kenyan", "Nairobi"),
      new Country("South Africa", "South African", "Pretoria"),
      new Country("Mexico", "Mexican", "Mexico City"),
      new Country("Australia", "Australian", "Canberra"));

  static final List<Person> PEOPLE = List.of(
      new Person("President", "Emmanuel Macron", "France"),
      new Person("Foreign Minister", "Jean-Noel Barrot", "France"),
      new Person("Chancellor", "Olaf Scholz", "Germany"),
      new Person("Defence Minister", "Boris Pistorius", "Germany"),
      new Person("Prime Minister", "Keir Starmer", "Britain"),
      new Person("Foreign Secretary", "David Lammy", "Britain"),
      new Person("Prime Minister", "Giorgia Meloni", "Italy"),
      new Person("Prime Minister", "Pedro Sanchez", "Spain"),
      new Person("Prime Minister", "Donald Tusk", "Poland"),
      new Person("Prime Minister", "Kyriakos Mitsotakis", "Greece"),
      new Person("President", "Volodymyr Zelenskiy", "Ukraine"),
      new Person("Foreign Minister", "Andrii Sybiha", "Ukraine"),
      new Person("President", "Vladimir Putin", "Russia"),
      new Person("Foreign Minister", "Sergei Lavrov", "Russia"),
      new Person("President", "Donald Trump", "the United States"),
      new Person("Secretary of State", "Marco Rubio", "the United States"),
      new Person("Prime Minister", "Mark Carney", "Canada"),
      new Person("Prime Minister", "Shigeru Ishiba", "Japan"),
      new Person("President", "Xi Jinping", "China", "Xi"),
      new Person("Prime Minister", "Narendra Modi", "India"),
      new Person("President", "Luiz Inacio Lula da Silva", "Brazil", "Lula"),
      new Person("President", "Tayyip Erdogan", "Turkey"),
      new Person("Prime Minister", "Mette Frederiksen", "Denmark"),
      new Person("Prime Minister", "Ulf Kristersson", "Sweden"),
      new Person("President", "Alexander Stubb", "Finland"),
      new Person("Prime Minister", "Dick Schoof", "the Netherlands"),
      new Person("President", "Abdel Fattah al-Sisi", "Egypt", "Sisi"),
      new Person("President", "William Ruto", "Kenya"),
      new Person("President", "Cyril Ramaphosa", "South Africa"),
      new Person("President", "Claudia Sheinbaum", "Mexico"),
      new Person("Prime Minister", "Anthony Albanese", "Australia"));

  /** Officials of organisations rather than countries: "NATO Secretary General Mark Rutte". */
  static final List<Person> OFFICIALS = List.of(
      new Person("Secretary General", "Mark Rutte", "NATO"),
      new Person("Commission President", "Ursula von der Leyen", "European", "von der Leyen"),
      new Person("Secretary-General", "Antonio Guterres", "U.N."),
      new Person("Managing Director", "Kristalina Georgieva", "IMF"),
      new Person("President", "Christine Lagarde", "ECB"),
      new Person("Director-General", "Tedros Adhanom Ghebreyesus", "WHO", "Tedros"),
      new Person("Director-General", "Ngozi Okonjo-Iweala", "WTO"));

  /** Institutions that have members, budgets and positions. */
  static final List<String> INSTITUTIONS = List.of(
      "NATO", "the European Union", "the United Nations", "the International Monetary Fund", "the World Bank",
      "the European Central Bank", "the Federal Reserve", "the World Health Organization", "OPEC",
      "the African Union", "the Group of Seven", "the World Trade Organization", "Amnesty International",
      "the Red Cross");

  static final List<String> COMPANIES = List.of(
      "Siemens", "Airbus", "Volkswagen", "Shell", "Gazprom", "Rheinmetall", "BAE Systems", "TotalEnergies",
      "Deutsche Bank", "HSBC", "Maersk", "Nokia");

  static final List<String> MEDIA = List.of(
      "the Financial Times", "Le Monde", "Der Spiegel", "the Wall Street Journal", "the BBC", "Politico");

  static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

  static final List<String> TOPICS = List.of(
      "a ceasefire along the front line", "new sanctions on the energy sector", "a loan of 50 billion euros",
      "the reconstruction fund", "tariffs on steel and aluminium imports", "a peacekeeping force",
      "the climate finance package", "the grain export corridor", "a cap on gas prices", "the migration pact",
      "air defence systems", "the debt relief plan", "security guarantees", "the trade agreement",
      "interest rate cuts", "the vaccine supply deal");

  static final List<String> SUPPORT_VERBS = List.of(
      "backed", "welcomed", "supported", "endorsed", "praised", "called for");

  static final List<String> OPPOSE_VERBS = List.of(
      "rejected", "criticised", "opposed", "condemned", "warned against", "dismissed");

  static final List<String> HESITANT_VERBS = List.of(
      "was hesitant about", "voiced reservations about", "said it was too early to decide on",
      "stopped short of endorsing");

  static final List<String> SPEECH_VERBS = List.of("said", "told reporters", "said in a statement", "added",
      "told a news conference", "wrote on social media");

  static final List<String> QUOTES = List.of(
      "We will not accept a deal that is decided over our heads",
      "This is a decisive moment for the security of our continent",
      "Nobody wants this conflict to last another winter",
      "We need a clear plan that everyone agrees on and then we need to implement it",
      "The door to negotiations remains open, but time is running out",
      "Our support will continue for as long as it takes",
      "These measures are premature and could make the situation worse",
      "We have to hope for the best and prepare for the worst",
      "The markets are watching every word we say",
      "There can be no lasting peace without justice",
      "We are ready to contribute, provided our partners do the same",
      "I do not believe the other side is negotiating in good faith");

  static final List<String> BACKGROUND = List.of(
      "The talks come after weeks of diplomatic activity and several rounds of negotiations that ended without agreement.",
      "Officials have been under pressure to show progress before the end of the year, when several budgets expire.",
      "Analysts said the outcome would depend largely on whether the main parties could agree on how to verify compliance.",
      "The proposal would need the approval of national parliaments, a process that could take several months.",
      "Markets reacted calmly to the announcement, with government bond yields little changed in afternoon trading.",
      "Critics say the plan lacks detail on financing and on who would be responsible for enforcing it.",
      "The meeting was the third of its kind this year and was held behind closed doors.",
      "Diplomats cautioned that any agreement would be fragile and could unravel if fighting resumed.",
      "The figures, published by the statistics office, showed growth slowing for a second consecutive quarter.",
      "Humanitarian groups have repeatedly warned that the situation on the ground is deteriorating.");

  private WireVocabulary() {}
}
