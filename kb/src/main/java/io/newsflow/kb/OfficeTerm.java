package io.newsflow.kb;

import java.time.LocalDate;

/**
 * A term of office held by a person.
 *
 * @param personId    id of the holder
 * @param role        role label as a name key ("prime minister of italy", "secretary general of the united nations")
 * @param roleType    head_of_state, head_of_government, legislator, international_official, …
 * @param countryQid  QID of the country or union the office belongs to
 * @param start       first day in office (1 January when only the year is known)
 * @param end         last day in office, or null when still in office as far as the sources know
 */
public record OfficeTerm(String personId, String role, String roleType, String countryQid, LocalDate start,
                         LocalDate end) {

  /** Whether the term covers the date. */
  public boolean heldOn(LocalDate date) {
    return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
  }
}
