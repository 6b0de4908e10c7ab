//! Spanish core measures: a contrast set of sentences written for these tests. Each case that
//! states a core measure has a twin with the same noun that does not (another country, another
//! prison, a subgroup, one day's raid, a change, a plan, a prison sentence): the measure must
//! come from what the figure counts and whose it is, not from a noun near it.

use cecot_data::extract::{self, ArticleContext, Mention};
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::claims;

fn measures(text: &str) -> Vec<Mention> {
    let k = Knowledge::load(None).unwrap();
    let lex = k.lexicons.get("es").unwrap();
    let mut ex = extract::extract(text, lex, ArticleContext::default());
    claims::assign_measures(&ex.doc, &mut ex.mentions, &k.measures, lex);
    ex.mentions
}

/// The measure of the statement whose surface contains `figure` (None: no measure).
fn measure_of(text: &str, figure: &str) -> Option<String> {
    let ms = measures(text);
    let m = ms.iter().find(|m| m.surface.contains(figure)).unwrap_or_else(|| panic!("no mention {figure:?} in {text:?}: {ms:#?}"));
    m.measure.clone()
}

fn check(cases: &[(&str, &str, Option<&str>)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(text, figure, want)| {
            let got = measure_of(text, figure);
            (got.as_deref() != *want).then(|| format!("{figure} in {text:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn how_long_the_state_of_exception_has_lasted() {
    check(&[
        ("El régimen de excepción cumple hoy 1.000 días en vigor.", "1.000 días", Some("es_state_of_exception_duration")),
        ("El Salvador suma ya 30 meses de régimen de excepción.", "30 meses", Some("es_state_of_exception_duration")),
        ("Tras cuatro años bajo el régimen de excepción, las cárceles siguen llenas.", "cuatro años", Some("es_state_of_exception_duration")),
        ("La Asamblea aprobó otra prórroga del régimen de excepción, que ya lleva 36 meses en vigor.", "36 meses", Some("es_state_of_exception_duration")),
        ("A 1.095 días del régimen de excepción, el Gobierno presume la baja de homicidios.", "1.095 días", Some("es_state_of_exception_duration")),
        // "cumplió N años" is a person's age, but not after or before a term noun.
        ("El régimen de excepción cumplió un año.", "un año", Some("es_state_of_exception_duration")),
        ("El Salvador cumplió el domingo dos años bajo el régimen de excepción.", "dos años", Some("es_state_of_exception_duration")),
        // A prison sentence, a detention of hours, an extension, another country.
        ("Fue condenado a 20 años de prisión bajo el régimen de excepción.", "20 años", None),
        ("Tras 48 horas de detención bajo el régimen, fue liberado.", "48 horas", None),
        ("En Honduras, el estado de excepción lleva dos años.", "dos años", None),
        // "N días de régimen": the days the regime has been in force.
        ("Las cárceles siguen llenas tras 1.000 días de régimen.", "1.000 días", Some("es_state_of_exception_duration")),
        ("El Salvador cumple 900 días de régimen de excepción.", "900 días", Some("es_state_of_exception_duration")),
        ("En Honduras, tras 900 días de régimen de excepción, los homicidios bajaron.", "900 días", None),
        // Another country's start.
        ("El régimen de excepción está vigente desde marzo de 2022.", "marzo de 2022", Some("es_state_of_exception_start")),
        ("En Guatemala, el estado de excepción rige desde marzo de 2023.", "marzo de 2023", None),
    ]);
}

#[test]
fn salvadorans_deported_from_the_us() {
    check(&[
        ("Estados Unidos deportó a 12.500 salvadoreños durante 2024.", "12.500", Some("salvadorans_deported_from_us")),
        ("Según Migración, 8.400 compatriotas han sido retornados desde Estados Unidos este año.", "8.400", Some("salvadorans_deported_from_us")),
        ("Los vuelos continúan. En 2024 llegaron al país 12.000 salvadoreños deportados desde Estados Unidos.", "12.000", Some("salvadorans_deported_from_us")),
        ("Un total de 6.500 compatriotas fueron repatriados desde EE.UU. en lo que va del año.", "6.500", Some("salvadorans_deported_from_us")),
        // Another nationality; Salvadorans who live there.
        ("Estados Unidos deportó a 300 guatemaltecos el mes pasado.", "300", None),
        ("Unos 300 salvadoreños viven en el barrio de Queens.", "300", None),
    ]);
}

#[test]
fn venezuelans_returned_from_cecot() {
    check(&[
        ("Un total de 252 venezolanos fueron liberados del CECOT y enviados a Caracas.", "252", Some("venezuelans_released_from_cecot")),
        ("Tras cuatro meses en el Cecot, 252 venezolanos retornaron a su país.", "252 venezolanos", Some("venezuelans_released_from_cecot")),
        ("El Salvador entregó a los 252 venezolanos a las autoridades de Venezuela.", "252", Some("venezuelans_released_from_cecot")),
        ("Tras su excarcelación, los 252 venezolanos abordaron aviones rumbo a Caracas.", "252", Some("venezuelans_released_from_cecot")),
        ("Estados Unidos envió a 238 venezolanos al Cecot en marzo.", "238", Some("venezuelans_deported_to_cecot")),
        ("Los registros de los vuelos de marzo, en los que viajaban 238 venezolanos, siguen bajo reserva.", "238", Some("venezuelans_deported_to_cecot")),
        // Leaving Texas is the deportation, not the return.
        ("Los 238 venezolanos enviados al Cecot salieron de Texas en tres vuelos.", "238", Some("venezuelans_deported_to_cecot")),
        // A deportation a court stopped.
        ("Un tribunal frenó la deportación de 50 venezolanos que iban a ser enviados al Cecot.", "50", None),
        // One day's arrivals; a deportation from the US to Caracas is no return from CECOT.
        ("El Gobierno confirmó la llegada de 20 venezolanos deportados ese día al Cecot.", "20", None),
        ("Estados Unidos deportó a 120 venezolanos a Caracas el martes.", "120", None),
        // Landing at home after CECOT is the return, not the deportation to CECOT.
        ("Los 252 migrantes venezolanos que estuvieron presos en el Cecot aterrizaron en Maiquetía.", "252", Some("venezuelans_released_from_cecot")),
    ]);
}

#[test]
fn cecot_capacity_and_pavilions() {
    check(&[
        ("El Cecot tiene capacidad para 40.000 reos.", "40.000", Some("cecot_capacity")),
        ("La megacárcel fue diseñada para albergar a 40.000 presos.", "40.000", Some("cecot_capacity")),
        ("El Centro de Confinamiento del Terrorismo se construyó para albergar a 40.000 pandilleros.", "40.000", Some("cecot_capacity")),
        ("El Cecot cuenta con ocho módulos de máxima seguridad.", "ocho", Some("cecot_pavilions")),
        ("El Cecot está dividido en ocho sectores.", "ocho", Some("cecot_pavilions")),
        // A cell's occupants; a count of something else in CECOT; another prison; another
        // country's plan.
        ("La cifra de muertos en el Cecot es de 10.", "10", None),
        ("Cada celda del Cecot aloja a 80 reos.", "80", Some("cecot_cell_occupancy")),
        ("El penal de Izalco tiene capacidad para 10.000 reos.", "10.000", None),
        ("La megacárcel de Honduras tendrá capacidad para 20.000 reos.", "20.000", None),
    ]);
}

#[test]
fn prison_population() {
    check(&[
        ("La población carcelaria ronda los 110.000 presos.", "110.000", Some("es_prison_population")),
        ("La población reclusa asciende a 110.000 internos.", "110.000", Some("es_prison_population")),
        ("Las cárceles del país albergan a 109.000 internos.", "109.000", Some("es_prison_population")),
        ("Actualmente hay más de 100.000 personas privadas de libertad en el país.", "100.000", Some("es_prison_population")),
        // A relative clause between the figure and its subject.
        ("La población carcelaria, que antes era de unos 38.000 reos, supera ya los 105.000.", "105.000", Some("es_prison_population")),
        ("La población reclusa supera los 98.000 internos, repartidos en 22 penales con capacidad para 66.000 personas.", "22 penales", Some("es_prison_facilities")),
        // Another prison, another country, a change, a capacity.
        ("La cárcel de Mariona alberga a 30.000 reos.", "30.000", None),
        ("En Estados Unidos hay 1,2 millones de presos.", "1,2 millones", None),
        ("La población penitenciaria creció en 20.000 reos en un año.", "20.000", None),
        // Inmates of a programme; the staff.
        ("Unos 3.000 reos participan en el programa Cero Ocio del régimen penitenciario.", "3.000", None),
        ("Las cárceles del país emplean a 3.000 custodios.", "3.000", None),
        ("El penal alberga a hasta 40.000 reclusos en ocho módulos.", "40.000", None),
    ]);
}

#[test]
fn arrests_under_the_state_of_exception() {
    check(&[
        ("Fueron capturados 85.000 pandilleros desde el inicio del régimen.", "85.000", Some("es_state_of_exception_arrests")),
        ("Las capturas en el régimen de excepción ascienden a 85.000.", "85.000", Some("es_state_of_exception_arrests")),
        ("El régimen de excepción entra en su cuarto año. Desde entonces, la cifra de detenidos asciende a 85.000.", "85.000", Some("es_state_of_exception_arrests")),
        ("Durante el régimen se han registrado 85.000 detenciones.", "85.000", Some("es_state_of_exception_arrests")),
        // "La cifra" stands for the count of the sentence before.
        ("Estados Unidos deportó a miles de salvadoreños en 2023. En 2024 la cifra llegó a 12.200.", "12.200", Some("salvadorans_deported_from_us")),
        ("Desde 2022, el Gobierno ha liberado a miles de detenidos del régimen de excepción. La cifra oficial es de 8.600.", "8.600", Some("es_state_of_exception_detainees_released")),
        // One day's raid, a plan, a subgroup.
        ("En un solo día fueron capturados 1.200 pandilleros bajo el régimen de excepción.", "1.200", None),
        ("El Gobierno planea capturar a 10.000 pandilleros más bajo el régimen de excepción.", "10.000", None),
        ("Unas 2.000 mujeres han sido capturadas durante el régimen de excepción.", "2.000", Some("es_state_of_exception_arrests_women")),
        // A weekend's arrests; those still to be caught.
        ("La Policía detuvo a 200 personas el fin de semana en el marco del régimen.", "200", None),
        ("El ministro dijo que faltan por capturar 10.000 pandilleros.", "10.000", None),
        // An order is no fact; those sent to pretrial detention are a part of the arrested.
        ("Un juez ordenó liberar a 15 detenidos del régimen de excepción.", "15", None),
        ("Los jueces han enviado a prisión preventiva a 50.000 capturados durante el régimen de excepción.", "50.000", None),
    ]);
}

#[test]
fn deaths_in_custody() {
    check(&[
        ("Más de 350 personas han muerto bajo custodia del Estado desde 2022.", "350", Some("es_prison_deaths_since_2022")),
        ("Según Socorro Jurídico, 375 reos han fallecido en las cárceles durante el régimen de excepción.", "375", Some("es_prison_deaths_since_2022")),
        ("Se han registrado 375 muertes en los penales desde el inicio del régimen de excepción.", "375", Some("es_prison_deaths_since_2022")),
        ("La cifra de muertes bajo custodia asciende a 375.", "375", Some("es_prison_deaths_since_2022")),
        // Another prison.
        ("Un total de 40 reos murieron en el penal de Izalco.", "40", None),
    ]);
}

#[test]
fn years_after_a_term_are_a_duration_and_a_persons_years_an_age() {
    let kind = |text: &str, figure: &str| measures(text).into_iter().find(|m| m.surface.contains(figure)).map(|m| m.kind);
    assert_eq!(kind("El régimen de excepción cumplió un año.", "un año"), Some("duration"));
    assert_eq!(kind("El país cumplió un año bajo el régimen de excepción.", "un año"), Some("duration"));
    assert_eq!(kind("Mi hijo cumplió 20 años en prisión.", "20 años"), Some("age"));
}

#[test]
fn a_state_lasting_since_some_time_ago_is_a_duration() {
    check(&[
        ("El régimen de excepción está vigente desde hace 30 meses.", "30 meses", Some("es_state_of_exception_duration")),
        ("El país vive bajo régimen de excepción desde hace tres años.", "tres años", Some("es_state_of_exception_duration")),
        // "hace N" alone places an event in time: no duration of the regime.
        ("Hace tres años, la Asamblea aprobó el régimen de excepción.", "tres años", None),
    ]);
    let statement = |text: &str, figure: &str| measures(text).into_iter().find(|m| m.surface.contains(figure)).map(|m| m.is_statement);
    assert_eq!(statement("Hace dos años, la Policía capturó a 300 pandilleros.", "dos años"), Some(false));
}

#[test]
fn present_tense_deportations_prison_capacity_and_people_deprived_of_liberty() {
    check(&[
        ("Estados Unidos deporta a 238 venezolanos al Cecot.", "238", Some("venezuelans_deported_to_cecot")),
        ("El Gobierno traslada a 238 venezolanos al Cecot.", "238", Some("venezuelans_deported_to_cecot")),
        ("Cecot: más de 14.000 reos en una cárcel para 40.000.", "40.000", Some("cecot_capacity")),
        ("En el Cecot se contabilizan 15.000 privados de libertad.", "15.000", Some("cecot_inmate_population")),
        ("En el Cecot permanecen 15.000 privados de libertad.", "15.000", Some("cecot_inmate_population")),
        // Another country's deportations; another prison's capacity; a count of another prison.
        ("Estados Unidos deporta a 300 guatemaltecos cada mes.", "300", None),
        ("En Izalco, una cárcel para 10.000 reos, hubo motines.", "10.000", None),
        ("En el penal de Mariona se contabilizan 30.000 privados de libertad.", "30.000", None),
    ]);
}

#[test]
fn a_cells_occupants_are_not_the_prisons_population() {
    check(&[
        ("En el Cecot, cada celda alberga a unos 80 reos.", "80", Some("cecot_cell_occupancy")),
        ("En el Cecot hay 15.000 internos.", "15.000", Some("cecot_inmate_population")),
        // Plural cells: the count is of a cell's occupants, not of the prison's inmates.
        ("El Cecot tiene celdas para 80 reos.", "80", Some("cecot_cell_occupancy")),
        // ("celdas" is a cue of the cell's occupants as "celda" is.)
        ("En el Cecot hay celdas en las que conviven 80 presos.", "80", Some("cecot_cell_occupancy")),
    ]);
}

#[test]
fn an_answer_counts_what_its_question_asks() {
    check(&[
        ("—¿Cuántas personas han muerto en las cárceles durante el régimen de excepción? —Hemos documentado 380.", "380", Some("es_prison_deaths_since_2022")),
        ("—¿Cuántos detenidos hay? —Más de 85.000 desde que inició el régimen de excepción.", "85.000", Some("es_state_of_exception_arrests")),
        // A question that asks no number; a question about another country.
        ("—¿Qué pasó con los detenidos del régimen de excepción? —Hemos documentado 380 casos de tortura.", "380", None),
        ("—¿Cuántas personas han muerto en las cárceles de Honduras? —Hemos documentado 380.", "380", None),
    ]);
}

#[test]
fn an_increment_is_no_level() {
    check(&[
        ("El sistema penitenciario tiene capacidad para 45.000 reos, según el presupuesto.", "45.000", Some("es_prison_capacity")),
        // "otros N", "N reos más", "N nuevos": what is added, not the total.
        ("El sistema penitenciario tendrá capacidad para 45.000 reos más, según el presupuesto.", "45.000", None),
        ("\"Otros 19 pandilleros del Tren de Aragua ya están en el CECOT\", escribió el presidente.", "19", None),
        ("El Gobierno abrió tres nuevos penales este año.", "tres", None),
        // A comparison after the noun is no increment, and stays a difference.
        ("En El Salvador hay 2.000 reos más que el año pasado.", "2.000", None),
    ]);
}

#[test]
fn the_first_flights_are_a_part_of_the_flights() {
    check(&[
        ("Cuatro vuelos trasladaron a los venezolanos al CECOT.", "Cuatro vuelos", Some("deportation_flights_to_cecot")),
        ("Los dos primeros aviones, que aterrizaron el domingo, llevaban venezolanos al CECOT.", "dos primeros", None),
    ]);
}

#[test]
fn one_day_or_one_plane_is_no_running_total() {
    check(&[
        ("Desde el inicio del régimen de excepción, la policía suma 81.900 capturas.", "81.900", Some("es_state_of_exception_arrests")),
        ("Solo el pasado viernes, la policía informó de 140 capturas bajo el régimen de excepción.", "140", None),
        ("Un avión del ICE aterrizó en El Salvador con 23 venezolanos a bordo, que fueron trasladados al CECOT.", "23", None),
        // A parenthesis (an acronym) does not cut the scene the plane sets.
        ("San Salvador, 3 abr (AIN).- Un avión del Servicio de Aduanas (ICE) de Estados Unidos aterrizó con 23 venezolanos a bordo, que fueron trasladados al CECOT.", "23", None),
    ]);
}

#[test]
fn the_whole_of_a_part_leaves_the_predicate_to_the_part() {
    check(&[
        ("Un informe revela que 150 de los venezolanos enviados al CECOT no tenían condenas.", "150", Some("deportees_no_criminal_record")),
        ("Un informe revela que unos 150 de los primeros 230 venezolanos enviados al CECOT no tenían condenas.", "230", None),
        // Convictions they had are no record they lacked.
        ("Un informe revela que 40 de los venezolanos enviados al CECOT tenían condenas.", "40", None),
    ]);
}

#[test]
fn a_sentence_opened_by_a_participle_is_about_the_prison_before() {
    check(&[
        ("El penal de Mariona es el más saturado del país. Construido para 900 internos, hoy tiene capacidad para unos 9.000 reos y alberga a 30.000.", "9.000", None),
        ("El penal de Mariona es el más saturado del país. Su capacidad es de 9.000 reos.", "9.000", None),
        // The participle's subject is the one the whole sentence before is about, unless the
        // sentence names its own.
        ("El caso más crítico sigue siendo el penal de Mariona, en la capital. Construido en 1970 para 800 internos, hoy tiene capacidad para unos 9.000 reos y alberga a 30.000.", "9.000", None),
        ("El caso más crítico sigue siendo el penal de Mariona, en la capital. Inaugurado en 2023, el CECOT tiene capacidad para 40.000 reos.", "40.000", Some("cecot_capacity")),
        ("El CECOT es una prisión de máxima seguridad. Según el Gobierno, tiene capacidad para 40.000 reos.", "40.000", Some("cecot_capacity")),
    ]);
}

#[test]
fn new_prisons_and_another_countrys_prisons_are_not_the_system() {
    check(&[
        ("El Gobierno construirá dos nuevos centros penales con capacidad para 18.000 reos.", "18.000", None),
        ("Las cárceles ecuatorianas albergan a 31.000 reos.", "31.000", None),
        ("Las cárceles salvadoreñas albergan a 109.000 reos.", "109.000", Some("es_prison_population")),
    ]);
}

#[test]
fn a_question_heading_keeps_the_subject_of_the_text_before() {
    check(&[
        ("¿Qué es el CECOT? El CECOT es una prisión de máxima seguridad en Tecoluca. ¿Cuántos reos caben? Según el Gobierno, la cárcel tiene capacidad para 40.000 reclusos.", "40.000", Some("cecot_capacity")),
        ("¿Qué es Mariona? Mariona es un penal de San Salvador. ¿Cuántos reos caben? Según el Gobierno, la cárcel tiene capacidad para 9.000 reclusos.", "9.000", None),
        // A question that names its own subject opens a new topic.
        ("Los venezolanos pasaron cuatro meses en el CECOT. ¿Cuántas cárceles tiene El Salvador? El sistema penitenciario cuenta con 26 penales y alberga a más de 100.000 personas.", "100.000", Some("es_prison_population")),
    ]);
}

#[test]
fn persons_deprived_of_liberty_are_prisoners() {
    check(&[
        ("El sistema penitenciario cerró el año con 108.300 privados de libertad.", "108.300", Some("es_prison_population")),
        ("En Honduras, las cárceles cerraron el año con 20.300 privados de libertad.", "20.300", None),
    ]);
}

#[test]
fn the_planes_before_a_count_set_its_scene_and_another_noun_is_another_group() {
    check(&[
        ("Tres aviones llevaron al CECOT a 240 venezolanos.", "240", Some("venezuelans_deported_to_cecot")),
        ("Los dos primeros aviones, que aterrizaron el domingo, llevaban al CECOT a 240 venezolanos.", "240", None),
        // The Salvadorans beside the Venezuelans are no continuation of their count.
        ("Los aviones, que aterrizaron el domingo, llevaban al CECOT a 240 venezolanos y a 23 salvadoreños acusados de pertenecer a la MS-13.", "23", None),
    ]);
}

#[test]
fn a_total_from_its_start_and_the_words_of_a_running_count() {
    check(&[
        // A total counted from its start is the whole, whatever part its scene names.
        ("Con este vuelo, el número de venezolanos enviados al megapenal desde mediados de marzo asciende a 275.", "275", Some("venezuelans_deported_to_cecot")),
        ("Este vuelo llevó al megapenal a 25 venezolanos.", "25", None),
        // "personas muertas bajo custodia" are deaths in custody; those killed elsewhere are not.
        ("Varias organizaciones cuentan al menos 390 personas muertas bajo custodia del Estado desde que inició el régimen.", "390", Some("es_prison_deaths_since_2022")),
        ("En Honduras, al menos 46 personas murieron en un motín.", "46", None),
        // "centros" of the prison system.
        ("El sistema penitenciario cuenta con 27 centros y varias granjas.", "27", Some("es_prison_facilities")),
        ("El Gobierno abrió 27 centros de salud este año.", "27", None),
    ]);
}

#[test]
fn one_days_arrests_and_the_salvadorans_beside_the_venezuelans() {
    check(&[
        ("Solo en la jornada del jueves, la policía informó de 150 capturas bajo el régimen de excepción.", "150", None),
        ("Estados Unidos deportó a 19.900 salvadoreños el año pasado, según cifras oficiales.", "19.900", Some("salvadorans_deported_from_us")),
        // Salvadorans flown to CECOT with the Venezuelans as gang suspects are no ordinary deportees.
        ("Dos aviones aterrizaron en El Salvador con 200 venezolanos, acusados de pertenecer al Tren de Aragua, y 20 salvadoreños señalados de integrar la MS-13.", "20 salvadoreños", None),
    ]);
}

#[test]
fn a_bare_figure_counts_the_group_named_before_it() {
    check(&[
        // "Fueron 238", "un total de 252": the figure has no noun; its group is named before it.
        ("Washington envió al Cecot a los venezolanos señalados por la Ley de Enemigos Extranjeros. En total, fueron 238.", "238", Some("venezuelans_deported_to_cecot")),
        ("Los venezolanos recluidos en el Cecot, un total de 252, fueron deportados por Estados Unidos en marzo.", "252", Some("venezuelans_deported_to_cecot")),
        // The sentence before counts something itself (three planes): the bare figure may count
        // another thing, so it stays unlabelled.
        ("El 15 de marzo aterrizaron tres aviones con venezolanos acusados de pertenecer al Tren de Aragua. Fueron 238 y todos terminaron en el Cecot.", "238", None),
        // Another country's deportees before it.
        ("México deportó a venezolanos en varios vuelos. En total, fueron 300.", "300", None),
        // A bare figure's group is named before it, and so is its place.
        ("Estados Unidos deportó a venezolanos al Cecot en varios vuelos. En total, fueron 238.", "238", Some("venezuelans_deported_to_cecot")),
    ]);
}

#[test]
fn where_a_journey_starts_is_no_other_place_nor_a_start_in_time() {
    check(&[
        // Planes that took off in Texas carried the deportees to CECOT.
        ("Los 238 venezolanos fueron enviados al Cecot en tres aviones que despegaron de Texas.", "tres", Some("deportation_flights_to_cecot")),
        ("Los 90 venezolanos fueron enviados a Caracas en tres aviones que despegaron de Texas.", "tres", None),
        // "desde Estados Unidos" is an origin, not a start: one plane's passengers are no total.
        ("Un vuelo con 90 salvadoreños deportados desde Estados Unidos aterrizó el martes en Comalapa.", "90", None),
        ("Un total de 14.000 salvadoreños fueron deportados desde Estados Unidos durante 2024.", "14.000", Some("salvadorans_deported_from_us")),
        ("Un total de 14.000 salvadoreños fueron deportados desde México durante 2024.", "14.000", None),
    ]);
}

#[test]
fn no_criminal_record_in_the_singular_and_money_received() {
    check(&[
        ("Una investigación halló que 180 de los deportados al Cecot no tenían ningún antecedente penal.", "180", Some("deportees_no_criminal_record")),
        ("En el penal de Izalco hay 180 reos sin antecedentes penales.", "180", None),
        ("Solo 30 de los venezolanos enviados al Cecot tenían antecedentes penales en Estados Unidos.", "30", None),
        ("Estados Unidos pagará a El Salvador US$6 millones por custodiar a los venezolanos en el Cecot.", "US$6 millones", Some("us_payment_to_el_salvador")),
        ("El Gobierno de Bukele recibe 6 millones de dólares de Estados Unidos por encarcelar a los deportados.", "6 millones", Some("us_payment_to_el_salvador")),
        ("El Gobierno invirtió 6 millones de dólares en la ampliación del penal de Izalco.", "6 millones", None),
        ("Estados Unidos donó 20 millones de dólares a Guatemala para programas de migración.", "20 millones", None),
        ("El Cecot recibe 20 millones de dólares del presupuesto nacional cada año.", "20 millones", None),
    ]);
}

#[test]
fn a_part_reads_the_predicate_after_its_whole_and_list_items_their_head() {
    check(&[
        // "N de los [primeros] M X no tenían condenas": the predicate after the whole is the part's.
        ("Según un informe, unos 150 de los primeros 230 venezolanos no tenían condenas en Estados Unidos.", "unos 150", Some("deportees_no_criminal_record")),
        ("Según un informe, unos 150 de los primeros 230 venezolanos no tenían condenas en Estados Unidos.", "230", None),
        ("Según un informe, unos 40 de los primeros 230 venezolanos tenían condenas en Estados Unidos.", "unos 40", None),
        // The part of a whole that names what it counts counts no whole total of its own.
        ("Al menos 20.500 de los 31.700 capturados bajo el régimen de excepción tienen relación con pandillas.", "20.500", None),
        // The items after a colon are parts of the head before it: the Salvadorans flown to the
        // CECOT are no ordinary deportees; the Venezuelans are those sent there.
        ("En total, los cuatro vuelos han llevado a 300 personas al Cecot: 280 venezolanos y 20 salvadoreños.", "280", Some("venezuelans_deported_to_cecot")),
        ("En total, los cuatro vuelos han llevado a 300 personas al Cecot: 280 venezolanos y 20 salvadoreños.", "20 salvadoreños", None),
        ("Estados Unidos deportó este año a 9.000 personas a El Salvador: 8.500 salvadoreños y 500 hondureños.", "8.500", Some("salvadorans_deported_from_us")),
        ("Estados Unidos deportó este año a 9.000 personas a El Salvador: 8.500 salvadoreños y 500 hondureños.", "500 hondureños", None),
        // The flights carry the group their clause names after another figure.
        ("En total, los cuatro vuelos han llevado a 300 personas al Cecot: 280 venezolanos y 20 salvadoreños.", "cuatro vuelos", Some("deportation_flights_to_cecot")),
        ("Cuatro vuelos han llevado a 300 hondureños a San Pedro Sula esta semana.", "Cuatro vuelos", None),
    ]);
}

#[test]
fn a_count_whose_own_verb_counts_another_quantity_is_not_the_part_after_it() {
    check(&[
        // 85.000 were arrested under the regime; the released are the part "de las cuales" counts.
        ("Desde el inicio del régimen de excepción, la Policía ha capturado a 85.000 personas, de las cuales 8.000 han sido liberadas.", "85.000", Some("es_state_of_exception_arrests")),
        ("Desde el inicio del régimen de excepción, la Policía ha capturado a 85.000 personas, de las cuales 8.000 han sido liberadas.", "8.000", Some("es_state_of_exception_detainees_released")),
        // A part holds its whole's noun, an amount per cell its verb: they keep their measure.
        ("Según la ONG, entre 20.000 y 30.000 de los detenidos durante el régimen de excepción no tienen vínculos con pandillas.", "entre 20.000 y 30.000", Some("es_detainees_without_gang_link")),
        ("En el Cecot, las celdas, de unos 100 metros cuadrados, alojan a 80 presos cada una.", "80", Some("cecot_cell_occupancy")),
    ]);
}

#[test]
fn a_bare_figure_after_its_verb_has_the_verbs_subject_for_noun() {
    check(&[
        ("En 2024, las deportaciones de salvadoreños desde Estados Unidos sumaron 14.000.", "14.000", Some("salvadorans_deported_from_us")),
        ("En 2024, las deportaciones de salvadoreños desde México sumaron 14.000.", "14.000", None),
        ("Las muertes bajo custodia desde el inicio del régimen de excepción ascienden a 400, según Socorro Jurídico.", "400", Some("es_prison_deaths_since_2022")),
        ("Las muertes en el motín de una cárcel de Honduras ascienden a 46.", "46", None),
        // The record they lack, in the present; the Trump government pays.
        ("Según el ICE, 180 venezolanos enviados al Cecot no tienen antecedentes penales en Estados Unidos.", "180", Some("deportees_no_criminal_record")),
        ("Un total de 180 reos del penal de Izalco carecen de antecedentes penales.", "180", None),
        ("El Gobierno de Trump acordó pagar US$6 millones a El Salvador para que mantenga presos a los venezolanos.", "US$6 millones", Some("us_payment_to_el_salvador")),
        ("El BID aprobó un préstamo de 6 millones de dólares a El Salvador para seguridad.", "6 millones", None),
    ]);
}

#[test]
fn a_sentence_opened_by_each_counts_per_unit() {
    check(&[
        // "Cada una de las 256 celdas": the capacity after it is a cell's, not the prison's.
        ("Cada una de las 256 celdas del Cecot tiene capacidad para 80 reos.", "80", None),
        ("El Cecot tiene capacidad para 40.000 reos.", "40.000", Some("cecot_capacity")),
    ]);
}

#[test]
fn a_conversion_in_parentheses_does_not_cut_the_clause() {
    check(&[
        ("Por custodiar a los deportados en el Cecot, El Salvador recibirá 6 millones de dólares (5,5 millones de euros) de Estados Unidos.", "6 millones", Some("us_payment_to_el_salvador")),
        ("El Salvador recibirá 6 millones de dólares (5,5 millones de euros) del BID para seguridad.", "6 millones", None),
    ]);
}

/// A bare figure for another period restates the count of the sentence before ("En todo 2023
/// fueron 9.800"), unless that count is a running total (a year of it is a part).
#[test]
fn a_bare_figure_for_another_period_restates_the_count_before() {
    check(&[
        ("Estados Unidos deportó a 5.400 salvadoreños entre enero y junio de 2025. En todo 2024 fueron 9.800.", "9.800", Some("salvadorans_deported_from_us")),
        ("La policía ha capturado a 81.000 personas bajo el régimen de excepción. En 2023 fueron 19.000.", "19.000", None),
    ]);
}

#[test]
fn until_before_a_time_is_no_capacity() {
    check(&[
        // "hasta diciembre" dates the count; "albergar hasta" is what the prisons can hold.
        ("Los reos recluidos en las cárceles del país eran 56.700 hasta diciembre de 2021.", "56.700", Some("es_prison_population")),
        ("Las cárceles del país pueden albergar hasta 56.700 reos.", "56.700", Some("es_prison_capacity")),
    ]);
}

#[test]
fn a_verb_of_capacity_runs_into_the_figures_qualifier() {
    check(&[
        // "recibir hasta" spans the verb and the qualifier the figure's surface holds.
        ("El CECOT, según el Gobierno, puede recibir hasta 1.234 presos.", "1.234", Some("cecot_capacity")),
        ("El CECOT recibió a 1.234 presos en su primer traslado.", "1.234", None),
        ("El CECOT, con un cupo de 40.000 reclusos, es la mayor cárcel de la región.", "40.000", Some("cecot_capacity")),
    ]);
}

#[test]
fn the_cells_of_the_prison_count_a_cells_occupants() {
    check(&[
        ("En la megacárcel, las celdas alojan a 70 reos.", "70", Some("cecot_cell_occupancy")),
        // The levels of a bunk are no people.
        ("En cada celda del CECOT duermen 70 reos en literas de tres niveles.", "tres niveles", None),
    ]);
}

#[test]
fn a_relative_clause_reads_its_antecedent_across_a_date() {
    check(&[
        // The date between "que" and the figure does not cut the figure from what it counts.
        ("La población penitenciaria, que en mayo de 2020 era de 31.400 personas, se triplicó.", "31.400", Some("es_prison_population")),
        ("La capacidad de las cárceles, que en mayo de 2020 era de 31.400 plazas, no creció.", "31.400", Some("es_prison_capacity")),
        // The figure's own words name a population: the releases of the sentence before are not its.
        (
            "Bajo el régimen de excepción, el Gobierno ha liberado a 8.000 detenidos. La población penitenciaria, que en marzo de 2021 era de 39.500 personas, se ha triplicado.",
            "39.500",
            Some("es_prison_population"),
        ),
        ("Bajo el régimen de excepción, la Policía ha capturado a 80.000 personas. De ellas, 8.000 han sido liberadas.", "8.000", Some("es_state_of_exception_detainees_released")),
    ]);
}

#[test]
fn the_prisons_a_count_is_held_in_leave_its_noun_what_it_counts() {
    check(&[
        // "en sus cárceles" is where the persons are held: "privadas de libertad" still counts them.
        ("El Salvador tiene 68.500 personas privadas de libertad en sus cárceles.", "68.500", Some("es_prison_population")),
        ("Honduras tiene 68.500 personas privadas de libertad en sus cárceles.", "68.500", None),
    ]);
}

#[test]
fn the_men_sent_to_the_prison_are_deportees() {
    check(&[
        ("Al menos 150 hombres enviados al CECOT no tienen antecedentes penales en ningún país.", "150", Some("deportees_no_criminal_record")),
        ("Al menos 150 hombres capturados en Soyapango no tienen antecedentes penales.", "150", None),
    ]);
}

#[test]
fn the_deal_and_other_money() {
    check(&[
        // "el trato" is the deal; a purchase, a loan or a budget is other money.
        ("El precio del trato: US$4 millones por un año, pagados por Washington al gobierno salvadoreño.", "US$4 millones", Some("us_payment_to_el_salvador")),
        ("El precio del trato: US$4 millones por la compra de equipo policial a una empresa extranjera.", "US$4 millones", None),
        ("Estados Unidos otorgó un préstamo de 4 millones de dólares a El Salvador para sus cárceles.", "4 millones", None),
    ]);
}

#[test]
fn a_relative_clause_reads_its_antecedent_across_an_adverb() {
    check(&[
        ("La población penitenciaria, que actualmente es de 68.500 personas, no deja de crecer.", "68.500", Some("es_prison_population")),
        ("La población de Soyapango, que actualmente es de 68.500 personas, no deja de crecer.", "68.500", None),
    ]);
}

#[test]
fn pounds_sterling_are_money() {
    check(&[
        ("Estados Unidos pagó 3,4 millones de libras esterlinas a El Salvador por encarcelar a los deportados.", "libras esterlinas", Some("us_payment_to_el_salvador")),
        ("Estados Unidos pagó 3,4 millones de libras esterlinas a Costa Rica por recibir a los deportados.", "libras esterlinas", None),
    ]);
}

#[test]
fn a_date_a_start_of_the_state_of_exception_governs_is_its_start() {
    check(&[
        // A start noun of the subject right before the date, set off by a comma.
        ("Desde el inicio del régimen de excepción, el 1 de mayo de 2020, la Policía ha capturado a 1.234 personas.", "1 de mayo de 2020", Some("es_state_of_exception_start")),
        ("Desde el inicio del año, el 1 de enero de 2021, el régimen de excepción ha dejado 1.234 capturas.", "1 de enero de 2021", None),
        // An apposition after the date that names the start.
        ("El informe documenta 1.234 muertes entre el 1 de mayo de 2020, fecha en que la Asamblea aprobó el régimen de excepción, y el 1 de enero de 2023.", "1 de mayo de 2020", Some("es_state_of_exception_start")),
        ("El informe documenta 1.234 muertes entre el 1 de mayo de 2021, fecha en que la Asamblea prorrogó el régimen de excepción, y el 1 de enero de 2023.", "1 de mayo de 2021", None),
        // An apposition opened after a few words of a relative.
        ("En 2020, que es precisamente cuando entra el régimen de excepción, hubo 1.234 homicidios.", "2020", Some("es_state_of_exception_start")),
        ("En 2021, que es cuando se prorrogó otra vez el régimen de excepción, hubo 1.234 homicidios.", "2021", None),
    ]);
}

#[test]
fn a_year_before_por_cada_is_the_rates_year_not_a_rate() {
    let text = "En El Salvador, la tasa de homicidios pasó de 87 en 2011 a 3,2 en 2021 por cada 100.000 habitantes.";
    check(&[(text, "87", Some("es_homicide_rate")), (text, "3,2", Some("es_homicide_rate"))]);
    assert!(measures(text).iter().all(|m| !(m.surface.contains("2021") && m.measure.is_some())), "{text}");
}

#[test]
fn an_incarceration_rate_after_a_colon_is_the_rate_not_a_multiple() {
    check(&[
        ("El Salvador tiene la tasa de encarcelamiento más alta del mundo: 1.480 por cada 100.000 habitantes.", "1.480", Some("es_incarceration_rate")),
        ("La tasa de encarcelamiento de El Salvador es hoy el triple que en 2015.", "triple", Some("es_incarceration_rate_multiple")),
    ]);
}

#[test]
fn a_detainees_days_before_a_judge_are_no_age_of_the_regime() {
    check(&[
        ("El régimen de excepción lleva 40 meses en vigor.", "40 meses", Some("es_state_of_exception_duration")),
        ("Los detenidos pueden pasar 12 días sin ver a un juez bajo el régimen de excepción.", "12 días", None),
    ]);
}

#[test]
fn la_ocupacion_del_cecot_no_es_la_del_sistema() {
    check(&[
        ("Las cárceles del país están al 152% de su capacidad.", "152%", Some("es_prison_occupancy_rate")),
        ("El CECOT está al 35% de su capacidad.", "35%", Some("cecot_occupancy_rate")),
    ]);
}

#[test]
fn an_apposition_is_about_the_noun_phrase_that_opens_its_sentence() {
    check(&[
        ("El régimen de excepción, vigente desde hace más de 14 meses, ha llenado las cárceles.", "14 meses", Some("es_state_of_exception_duration")),
        ("El estado de excepción, en vigor desde hace 41 meses, fue prorrogado otra vez.", "41 meses", Some("es_state_of_exception_duration")),
        ("El régimen de excepción, de 41 meses de duración, ha sido criticado por las ONG.", "41 meses", Some("es_state_of_exception_duration")),
        // A term of prison in an apposition, another country's state of exception.
        ("El joven, condenado a 41 años de cárcel bajo el régimen de excepción, apeló la sentencia.", "41 años", None),
        ("El estado de excepción de Honduras, vigente desde hace 14 meses, fue prorrogado.", "14 meses", None),
        // A clause with a verb of its own before the figure's is no noun phrase it is about.
        ("Los presos denunciaron torturas durante el régimen de excepción, de 14 meses de cárcel cada uno.", "14 meses", None),
    ]);
}

#[test]
fn the_state_of_exception_sums_its_months_and_years_of_regime() {
    check(&[
        ("La Asamblea prorrogó otra vez el régimen de excepción, que ya suma 37 meses.", "37 meses", Some("es_state_of_exception_duration")),
        ("En cuatro años y medio de régimen, las cárceles se han llenado.", "cuatro años y medio", Some("es_state_of_exception_duration")),
        ("El régimen de excepción se ha extendido durante 37 meses.", "37 meses", Some("es_state_of_exception_duration")),
        ("El país completa 37 meses bajo el régimen de excepción.", "37 meses", Some("es_state_of_exception_duration")),
        // A prison term, a detainee's time in jail, an extension.
        ("Tras cuatro años de cárcel, fue liberado bajo el régimen de excepción.", "cuatro años", None),
        ("Bajo el régimen de excepción, su hijo ya suma 37 meses preso sin juicio.", "37 meses", None),
        ("El régimen de excepción fue prorrogado por 37 días más.", "37 días", None),
    ]);
}

#[test]
fn a_homicide_rate_in_the_singular_and_an_index() {
    check(&[
        ("El Salvador reporta una tasa de homicidio de 4,6 por cada 100.000 habitantes.", "4,6", Some("es_homicide_rate")),
        ("En El Salvador, el índice de homicidios llegó a 4,6 por cada 100.000 habitantes.", "4,6", Some("es_homicide_rate")),
        // Another country's rate; a rate of incarceration.
        ("Honduras reporta una tasa de homicidio de 46 por cada 100.000 habitantes.", "46", None),
        ("El Salvador reporta una tasa de encarcelamiento de 1.234 presos por cada 100.000 habitantes.", "1.234", Some("es_incarceration_rate")),
    ]);
}

#[test]
fn a_rate_with_cada_after_its_counted_noun() {
    check(&[
        ("En 2014 la tasa de homicidios de El Salvador fue de 71,5 homicidios cada 100.000 habitantes.", "71,5", Some("es_homicide_rate")),
        ("La tasa de encarcelamiento de El Salvador ronda los 1.234 presos cada 100.000 habitantes.", "1.234", Some("es_incarceration_rate")),
        // "cada" that distributes: a span of time, a number of cells, another country.
        ("En El Salvador la Policía registra 12 homicidios cada 100 días.", "12", None),
        ("En El Salvador, 3 jueces visitan cada 100 celdas del penal.", "3", None),
        ("Honduras registra 41,2 homicidios cada 100.000 habitantes.", "41,2", None),
    ]);
}

#[test]
fn the_sending_of_venezuelans_and_a_sum_paid_for_them() {
    check(&[
        ("El envío de 213 venezolanos al CECOT fue criticado por la ONU.", "213", Some("venezuelans_deported_to_cecot")),
        ("El traslado de más de 213 venezolanos a la megacárcel generó críticas.", "213", Some("venezuelans_deported_to_cecot")),
        // Venezuelans sent elsewhere.
        ("El envío de 213 venezolanos a Costa Rica fue criticado por la ONU.", "213", None),
        // A sum paid for the group is the payment, not the group's count.
        ("Washington ha pagado a El Salvador 5,6 millones de dólares por los venezolanos del CECOT.", "5,6 millones", Some("us_payment_to_el_salvador")),
        ("Bukele cobrará 5,6 millones de dólares por la custodia de los migrantes deportados.", "5,6 millones", Some("us_payment_to_el_salvador")),
        // An amount per prisoner is no total paid; another country paid.
        ("Estados Unidos pagó 21.000 dólares por cada preso en el CECOT.", "21.000", None),
        ("Washington ha pagado a Costa Rica 5,6 millones de dólares por los venezolanos.", "5,6 millones", None),
    ]);
}

#[test]
fn the_measure_stands_for_the_state_of_exception_and_a_persons_time_held_is_theirs() {
    check(&[
        ("El régimen de excepción sigue vigente. La medida, que lleva 321 días en vigor, ha llenado las cárceles.", "321 días", Some("es_state_of_exception_duration")),
        ("El régimen de excepción sigue vigente. La medida cautelar de su hijo vence en 32 días.", "32 días", None),
        ("El régimen de excepción lleva 14 meses en vigor.", "14 meses", Some("es_state_of_exception_duration")),
        ("Un hombre estuvo 14 meses detenido bajo el régimen de excepción.", "14 meses", None),
        ("La joven estuvo recluida 14 meses bajo el régimen de excepción.", "14 meses", None),
    ]);
}

#[test]
fn an_apposition_names_the_figure_and_those_who_remain_held_are_held() {
    check(&[
        ("Estados Unidos envió a los deportados a El Salvador. El pago, de 5,6 millones de dólares, fue confirmado por la Casa Blanca.", "5,6 millones", Some("us_payment_to_el_salvador")),
        ("Estados Unidos envió a los deportados a El Salvador. El préstamo, de 5,6 millones de dólares, fue confirmado por la Casa Blanca.", "5,6 millones", None),
        ("Los 213 venezolanos que permanecen en el CECOT no tienen abogado.", "213", Some("venezuelans_deported_to_cecot")),
        ("Los 213 venezolanos que permanecen en Texas esperan su audiencia.", "213", None),
        ("Unos 213 venezolanos permanecen en libertad en Estados Unidos.", "213", None),
    ]);
}

#[test]
fn a_time_phrase_opening_the_sentence_is_the_span_of_its_main_subject() {
    check(&[
        ("Cuatro años después, el régimen de excepción sigue vigente.", "Cuatro años", Some("es_state_of_exception_duration")),
        ("Después de 29 meses, el régimen de excepción sigue vigente.", "29 meses", Some("es_state_of_exception_duration")),
        // The main clause is about someone else; the phrase is a clause of its own.
        ("Después de 29 meses, fue liberado bajo el régimen de excepción.", "29 meses", None),
        ("Cuatro años después, la policía ha capturado a miles de personas bajo el régimen de excepción.", "Cuatro años", None),
        ("Los presos del régimen de excepción pasan 23 horas al día en la celda, con la luz encendida.", "23 horas", None),
    ]);
}

#[test]
fn a_count_opening_an_apposition_counts_the_noun_phrase_before_it() {
    check(&[
        ("Los venezolanos, 213 en total, fueron encerrados en el CECOT.", "213", Some("venezuelans_deported_to_cecot")),
        // What the sentence's verb says of them stops the measure; a figure after an opening
        // phrase is its clause's subject, no apposition (a part, not the whole).
        ("Los venezolanos, 213 en total, fueron liberados del CECOT en julio.", "213", None),
        ("Del total de muertes en custodia bajo el régimen de excepción, 123 fueron violentas.", "123", Some("es_prison_deaths_violent")),
    ]);
}

#[test]
fn la_tasa_que_abre_su_oracion_es_la_nombrada_antes() {
    check(&[
        ("El Salvador vive otra época. La tasa de homicidios se desplomó. La tasa pasó de 41 en 2017 a 3,2 en 2023.", "41", Some("es_homicide_rate")),
        ("El Salvador vive otra época. La tasa de homicidios se desplomó. La tasa pasó de 41 en 2017 a 3,2 en 2023.", "3,2", Some("es_homicide_rate")),
        ("El Salvador vive otra época. La tasa de desempleo se desplomó. La tasa pasó de 41 en 2017 a 3,2 en 2023.", "41", None),
    ]);
}

#[test]
fn un_ano_entre_la_tasa_y_su_cifra_no_la_corta() {
    check(&[
        ("El Salvador cambió. La tasa de homicidios de 2023 fue de 3,2.", "3,2", Some("es_homicide_rate")),
        ("El Salvador cambió. La tasa de homicidios bajó en 2023 y se incautaron 3,2 toneladas de droga.", "3,2", None),
    ]);
}

#[test]
fn una_cifra_de_un_total_nombrado_antes_en_su_oracion() {
    assert_eq!(
        measure_of("El ministro dijo en mayo que el CECOT albergaba a cerca de 1.500 personas, y un informe interno da una cifra de 1.487 a finales de abril.", "1.487").as_deref(),
        Some("cecot_inmate_population")
    );
}

#[test]
fn una_de_las_carceles_mas_grandes_es_una_carcel_no_el_sistema() {
    assert_eq!(
        measure_of("La megacárcel está en el oriente del país. El Gobierno asegura que tiene capacidad para 4.321 personas, lo que la convertiría en una de las cárceles más grandes del mundo.", "4.321").as_deref(),
        Some("cecot_capacity")
    );
    assert_eq!(measure_of("Las cárceles del país tienen capacidad para 4.321 personas.", "4.321").as_deref(), Some("es_prison_capacity"));
}

#[test]
fn un_verbo_de_encarcelar_con_su_objeto_cuenta_capturas() {
    check(&[
        ("Desde que rige el régimen de excepción, El Salvador ha encarcelado a unas 54.321 personas.", "54.321", Some("es_state_of_exception_arrests")),
        ("El presidente dijo que acabó con la violencia metiendo presos a 43 mil pandilleros en El Salvador.", "43 mil", Some("es_state_of_exception_arrests")),
        // Those held at a date: the prison population, no act of jailing.
        ("Las cárceles de El Salvador albergan a 54.321 presos.", "54.321", Some("es_prison_population")),
        ("En El Salvador hay 54.321 personas encarceladas.", "54.321", Some("es_prison_population")),
    ]);
}

#[test]
fn una_cifra_de_detenidos_con_sus_liberados_despues_cuenta_las_capturas_del_regimen_nombrado_antes() {
    let text = "El régimen de excepción cumple tres años. Las autoridades han detenido a 54.321 personas, de las cuales 1.234 han sido liberadas por falta de pruebas.";
    let other = "Las cárceles del país están llenas. La policía de Honduras ha detenido a 54.321 personas, de las cuales 1.234 han sido liberadas.";
    check(&[
        (text, "54.321", Some("es_state_of_exception_arrests")),
        (text, "1.234", Some("es_state_of_exception_detainees_released")),
        // No state of exception named before, and another country's police: no measure.
        (other, "54.321", None),
    ]);
}

#[test]
fn una_parte_con_esos_o_con_su_numero_en_letras_toma_la_medida_de_su_predicado() {
    let sent = "Estados Unidos envió a 300 venezolanos al CECOT.";
    check(&[
        (&format!("{sent} Unos 123 de esos venezolanos no tenían antecedentes penales."), "123", Some("deportees_no_criminal_record")),
        (&format!("{sent} Unos ciento veinte de los venezolanos no tenían antecedentes penales."), "ciento veinte", Some("deportees_no_criminal_record")),
        // The part is no count of the deported: its whole is.
        (&format!("{sent} Unos 123 de esos venezolanos fueron liberados en julio."), "123", None),
    ]);
}

#[test]
fn quien_deporta_es_de_donde_parte_el_viaje_no_el_lugar_de_la_cifra() {
    check(&[
        ("Llegaron 321 venezolanos deportados por Estados Unidos al Centro de Confinamiento del Terrorismo, la megacárcel que Bukele inauguró en enero de 2023.", "enero de 2023", Some("cecot_opening_date")),
        ("Llegaron 321 venezolanos deportados por Estados Unidos a la megacárcel, que Bukele inauguró en enero de 2023.", "enero de 2023", Some("cecot_opening_date")),
        // Sent to another country: that country's prison.
        ("Llegaron 321 venezolanos deportados por Estados Unidos a México, donde la megacárcel se inauguró en enero de 2023.", "enero de 2023", None),
    ]);
}

#[test]
fn redacciones_del_crecimiento_los_vinculos_las_entrevistas_y_las_devoluciones() {
    check(&[
        // "un incremento del N %" of "la población privada de libertad"; not another country's.
        ("La población privada de libertad pasó de 12.345 en 2020 a 34.567 en 2024, un incremento del 180 %.", "180 %", Some("es_prison_population_growth_2020_2024")),
        ("La población privada de libertad de Honduras pasó de 12.345 en 2020 a 34.567 en 2024, un incremento del 180 %.", "180 %", None),
        // "carecían de todo vínculo" is no link; in another country, none of El Salvador's.
        ("Bajo el régimen de excepción, la ONG estima que unas 12.345 personas detenidas carecían de todo vínculo con las pandillas.", "12.345", Some("es_detainees_without_gang_link")),
        ("En Honduras, la ONG estima que unas 12.345 personas detenidas carecían de todo vínculo con las pandillas.", "12.345", None),
        // Those a study interviewed are a sample, no count of the released or the arrested.
        ("Bajo el régimen de excepción, la ONG entrevistó a 123 familiares de personas detenidas.", "123", None),
        ("Bajo el régimen de excepción, el Gobierno ha puesto en libertad a 1.234 personas detenidas.", "1.234", Some("es_state_of_exception_detainees_released")),
        // "devolvió a El Salvador a N salvadoreños" deports them; to Guatemala, other people.
        ("En 2024, Estados Unidos devolvió a El Salvador a 12.345 salvadoreños en vuelos regulares.", "12.345", Some("salvadorans_deported_from_us")),
        ("En 2024, Estados Unidos devolvió a Guatemala a 12.345 guatemaltecos en vuelos regulares.", "12.345", None),
    ]);
}

#[test]
fn those_aboard_the_planes_and_those_a_government_got_rid_of() {
    check(&[
        ("Tres aviones salieron de Texas rumbo a El Salvador. En ellos iban 123 venezolanos acusados de pertenecer al Tren de Aragua.", "123", Some("venezuelans_deported_to_cecot")),
        ("Washington quiso deshacerse de 123 venezolanos y Bukele los aceptó en el CECOT.", "123", Some("venezuelans_deported_to_cecot")),
        // Other passengers, other things got rid of.
        ("Tres aviones salieron de Texas rumbo a El Salvador. En ellos iban 12 agentes de migración.", "12", None),
        ("En El Salvador, la Policía quiso deshacerse de 123 armas decomisadas.", "123", None),
    ]);
}

#[test]
fn a_rate_series_carried_on_by_a_verb_of_change() {
    let text = "El Salvador cambió. Su tasa de homicidios, que en 2017 era de 51 por cada 100.000 habitantes, bajó a 12,3 en 2020 y a 5,6 en 2021.";
    check(&[(text, "12,3", Some("es_homicide_rate")), (text, "5,6", Some("es_homicide_rate"))]);
    let story = "El Gobierno de El Salvador promete calles tranquilas. Los críticos no están de acuerdo.";
    let own = format!("{story} La Policía contó 4,3 asesinatos por cada 100.000 habitantes en 2021.");
    let other = format!("{story} Guatemala contó 16,7 asesinatos por cada 100.000 habitantes en 2021.");
    check(&[(own.as_str(), "4,3", Some("es_homicide_rate")), (other.as_str(), "16,7", None)]);
}

#[test]
fn a_start_verb_with_its_object_before_the_date() {
    let story = "El Salvador vive bajo el régimen de excepción desde hace años.";
    let own = format!("{story} Los diputados aprobaron la medida a finales de marzo de 2020 y la han renovado cada mes.");
    let other = format!("{story} Los diputados aprobaron el presupuesto a finales de marzo de 2020.");
    check(&[(own.as_str(), "marzo de 2020", Some("es_state_of_exception_start")), (other.as_str(), "marzo de 2020", None)]);
}

#[test]
fn a_count_whose_own_words_name_people_counts_no_things() {
    let text = "El 2 de mayo aterrizaron en El Salvador dos aviones con 123 personas. De ellas, 101 eran venezolanos enviados al CECOT.";
    let flights = "Dos vuelos de venezolanos aterrizaron en El Salvador rumbo al CECOT.";
    check(&[(text, "101", Some("venezuelans_deported_to_cecot")), (flights, "Dos vuelos", Some("deportation_flights_to_cecot"))]);
}

#[test]
fn a_subject_cut_off_from_its_verb_by_an_aside() {
    check(&[
        // The subject of the verb, an aside (a relative clause, a participle) between them, in
        // an article about CECOT whose sentence before names no prison.
        ("Los deportados llegaron al CECOT de madrugada. El Gobierno celebró la llegada. La prisión, que costó una fortuna, tiene capacidad para 12.000 reos.", "12.000", Some("cecot_capacity")),
        ("Los deportados llegaron al CECOT de madrugada. El Gobierno celebró la llegada. La prisión, construida en ocho meses, tiene capacidad para 12.000 reos.", "12.000", Some("cecot_capacity")),
        ("Los deportados llegaron al CECOT de madrugada. El Gobierno celebró la llegada. El penal, levantado junto a un volcán, puede albergar a 12.000 presos.", "12.000", Some("cecot_capacity")),
        // The same aside in an article that names another prison: "la prisión" may be either.
        ("Los deportados llegaron al CECOT y otros fueron a Mariona. El Gobierno celebró la llegada. La prisión, construida en ocho meses, tiene capacidad para 12.000 reos.", "12.000", None),
        // Another country's prison after the aside.
        ("Los deportados llegaron al CECOT de madrugada. El Gobierno celebró la llegada. Honduras, que copió el modelo, construye una cárcel con capacidad para 12.000 reos.", "12.000", None),
    ]);
}

#[test]
fn new_levels_of_a_rate_whose_verb_drops_its_subject() {
    let before = "En 2016 la tasa de homicidios de El Salvador fue de 81 homicidios por cada 100.000 habitantes.";
    let levels = format!("{before} En 2020, antes de la pandemia, ya había bajado a 21; en 2022 se ubicó en 7,8 y en 2023 en 3,3.");
    let with_subject = format!("{before} En 2021 la tasa había bajado a 18.");
    check(&[
        // The verb's subject left out (Spanish drops it): the rate of the sentence before.
        (&levels, "21", Some("es_homicide_rate")),
        (&levels, "7,8", Some("es_homicide_rate")),
        // A bare number after a level, years and joiners between: the same rate.
        (&levels, "3,3", Some("es_homicide_rate")),
        (&with_subject, "18", Some("es_homicide_rate")),
        // Another subject of the verb: no level of the rate.
        (&format!("{before} En 2020 el número de pandillas había bajado a 21."), "21", None),
        (&format!("{before} En 2020 los penales del país llegaron a 21."), "21", None),
        // No rate in the sentence before.
        ("En 2016 el país tenía 30 cárceles. En 2020 ya había bajado a 21.", "21", None),
    ]);
}

#[test]
fn an_answer_to_a_question_heading_is_about_what_the_headline_names() {
    let intro = "El envío de migrantes ha puesto bajo los reflectores una prisión poco conocida. Aquí, lo esencial.";
    check(&[
        // A questions-and-answers piece: the answer's subject is its headline's.
        (&format!("¿Qué es el CECOT? Preguntas y respuestas\n\n{intro}\n\n¿Cuántos presos caben?\nEl gobierno asegura que tiene capacidad para 12.000 personas."), "12.000", Some("cecot_capacity")),
        // A headline about another country's prisons: not El Salvador's.
        (&format!("¿Qué pasa en las cárceles de Honduras? Preguntas y respuestas\n\n{intro}\n\n¿Cuántos presos caben?\nEl gobierno asegura que tiene capacidad para 12.000 personas."), "12.000", None),
        // A question that names its own subject opens a new topic.
        (&format!("¿Qué es el CECOT? Preguntas y respuestas\n\n{intro}\n\n¿Cuántos presos caben en las cárceles del país?\nEl gobierno asegura que tienen capacidad para 12.000 personas."), "12.000", Some("es_prison_capacity")),
    ]);
}

#[test]
fn a_day_in_words_is_a_date_not_a_count_of_flights() {
    let text = "Los deportados llegaron al CECOT en marzo. Fueron tres aviones, que despegaron el veinte de marzo.";
    check(&[(text, "tres aviones", Some("deportation_flights_to_cecot")), (text, "veinte", None)]);
}

#[test]
fn who_its_own_words_count_and_what_the_predicate_near_it_says_of_them() {
    let before = "Bajo el régimen de excepción, la policía ha capturado a 50.000 personas. De ellas, unas 2.000 fueron liberadas.";
    check(&[
        // Its own words name those detained; the predicate near it, their lack of gang links.
        (&format!("{before} El Observatorio estima que alrededor de 12.000 personas detenidas carecían de cualquier vínculo con pandillas."), "12.000", Some("es_detainees_without_gang_link")),
        // The same words with another predicate: neither releases nor gang links.
        (&format!("{before} El Observatorio estima que alrededor de 12.000 personas detenidas siguen sin juicio."), "12.000", None),
    ]);
}

#[test]
fn a_demonstrative_or_a_contracted_noun_stands_for_the_prison_the_article_names() {
    let before = "El país tiene 30 centros penales saturados.";
    check(&[
        // "del recinto": "de" + "el recinto", the prison the sentence names.
        (&format!("{before} Solo el CECOT alberga a 1.234 reos, lejos de los 5.678 que el Gobierno anunció como capacidad del recinto."), "5.678", Some("cecot_capacity")),
        // Another prison named in the article: the noun may stand for either, so the system's.
        (&format!("El país tiene 30 centros penales saturados, como Mariona. Solo el CECOT alberga a 1.234 reos, lejos de los 5.678 que el Gobierno anunció como capacidad del recinto."), "5.678", Some("es_prison_capacity")),
        // "Esa cárcel" after a sentence on CECOT.
        ("Los venezolanos fueron enviados al CECOT. Esa cárcel tiene 12.000 plazas.", "12.000", Some("cecot_capacity")),
        ("Los venezolanos fueron enviados al CECOT y a Mariona. Esa cárcel tiene 12.000 plazas.", "12.000", None),
    ]);
}

#[test]
fn a_start_date_whose_apposition_names_only_the_start_verb() {
    check(&[
        // The subject is the question's (or the sentence before's); the apposition's verb its start.
        ("¿Desde cuándo existe el régimen de excepción? Desde el 1 de mayo de 2021, cuando el Congreso lo aprobó.", "1 de mayo de 2021", Some("es_state_of_exception_start")),
        ("El régimen de excepción sigue vigente. Desde mayo de 2021, cuando se aprobó, hubo protestas.", "mayo de 2021", Some("es_state_of_exception_start")),
        // No subject of a date measure in the sentence before.
        ("Las capturas siguen. Desde el 1 de mayo de 2021, cuando el Congreso lo aprobó, hubo protestas.", "1 de mayo de 2021", None),
        // The apposition names no start ("llegó a la presidencia").
        ("El régimen de excepción sigue vigente. Desde mayo de 2021, cuando llegó a la presidencia, Bukele habla de seguridad.", "mayo de 2021", None),
    ]);
}

#[test]
fn days_of_exception_and_the_years_since_it_came_into_force() {
    check(&[
        ("Los salvadoreños viven ya 1.000 días de excepción.", "1.000 días", Some("es_state_of_exception_duration")),
        ("A dos años de su entrada en vigor, el régimen de excepción sigue.", "dos años", Some("es_state_of_exception_duration")),
        // The regime's age beside a renewal: the age is no extension, the renewal is.
        ("Tras 30 meses de excepción, la Asamblea prorrogó el régimen por 15 días más.", "30 meses", Some("es_state_of_exception_duration")),
        ("Tras 30 meses de excepción, la Asamblea prorrogó el régimen por 15 días más.", "15 días", Some("es_state_of_exception_extension_length")),
        // Another country; another entry ("su entrada al CECOT").
        ("En Honduras, los ciudadanos viven ya 1.000 días de excepción.", "1.000 días", None),
        ("A dos años de su entrada al CECOT, los venezolanos siguen presos.", "dos años", None),
    ]);
}

#[test]
fn a_sourcing_aside_does_not_cut_the_figure_from_its_clause() {
    check(&[
        // "según el Gobierno" only interrupts "tiene capacidad ... para".
        ("El CECOT tiene capacidad, según el Gobierno, para 12.000 reos.", "12.000", Some("cecot_capacity")),
        ("Los venezolanos fueron enviados al CECOT. La prisión tiene capacidad, de acuerdo con las autoridades, para 12.000 reos.", "12.000", Some("cecot_capacity")),
    ]);
    // After the aside a clause of its own, with its own verb: no capacity.
    let own_verb = "El CECOT tiene capacidad, según el Gobierno, pero alberga a 12.000 reos.";
    assert_ne!(measure_of(own_verb, "12.000").as_deref(), Some("cecot_capacity"));
}

#[test]
fn a_negation_opens_the_predicate_of_a_part() {
    check(&[
        // "130 de los deportados | no tenían condenas": the whole ends before the negation.
        ("Al menos 130 de los deportados no tenían condenas.", "130", Some("deportees_no_criminal_record")),
        // Without the negation the part had records: no measure.
        ("Al menos 130 de los deportados tenían condenas.", "130", None),
    ]);
}

#[test]
fn precincts_of_the_prison_system_are_its_facilities() {
    check(&[
        ("El sistema penitenciario del país cuenta con 22 recintos.", "22 recintos", Some("es_prison_facilities")),
        ("El país tiene 22 recintos penitenciarios.", "22 recintos", Some("es_prison_facilities")),
        // Another country's.
        ("En Honduras hay 25 recintos penitenciarios.", "25 recintos", None),
    ]);
}

#[test]
fn a_figure_whose_own_verb_names_its_quantity_takes_its_subject_from_its_sentence() {
    check(&[
        // "llegaron" names who were sent; the law that sent them closes the sentence.
        (
            "Un dato para entender el contexto: de los 300 liberados hoy, 212 llegaron a El Salvador en los vuelos de marzo, bajo la Ley de Enemigos Extranjeros.",
            "212",
            Some("venezuelans_deported_to_cecot"),
        ),
        // A prison of another country named beside it is no Salvadoran prison.
        ("Por capacidad, compite con el complejo de Silivri, en Turquía, diseñado para unos 11.000 presos, o con las cárceles salvadoreñas.", "11.000", None),
    ]);
}

#[test]
fn a_count_of_the_same_quantity_takes_the_subject_of_the_sentence_before() {
    check(&[
        ("Visitamos el CECOT en junio. Según el director, había entonces 15.000 internos.", "15.000", Some("cecot_inmate_population")),
        // The country's prisons named in its own clause keep the count the system's.
        ("Visitamos el CECOT en junio. Según el ministro, en las cárceles del país había entonces 105.000 internos.", "105.000", Some("es_prison_population")),
    ]);
}

#[test]
fn la_duracion_con_su_inicio_en_un_inciso_lee_la_oracion_principal() {
    check(&[
        ("Durante 41 meses, desde marzo de 2022, los salvadoreños han vivido bajo el régimen de excepción.", "41 meses", Some("es_state_of_exception_duration")),
        ("Durante 41 meses, desde marzo de 2022, el preso estuvo detenido sin juicio bajo el régimen de excepción.", "41 meses", None),
    ]);
}

#[test]
fn a_verb_first_sentence_keeps_the_subject_named_two_sentences_back() {
    check(&[
        // "Lleva ..." says no subject; the sentence before names none either: the régimen two back.
        ("El régimen de excepción se aprobó de urgencia. Desde entonces, el Congreso lo renovó cada mes. Lleva ya cinco años en vigor.", "cinco años", Some("es_state_of_exception_duration")),
        // A sentence between that names another subject (the prison) takes the unsaid subject.
        ("El régimen de excepción se aprobó de urgencia. Desde entonces, el CECOT se llenó de reos. Lleva ya cinco años en vigor.", "cinco años", None),
        // Not a verb first: the sentence's own subject ("el muro"), not the régimen's age.
        ("El régimen de excepción se aprobó de urgencia. Desde entonces, el Congreso lo renovó cada mes. El muro nuevo tiene cinco años.", "cinco años", None),
    ]);
}

#[test]
fn a_simple_past_over_the_whole_regime_is_its_running_total() {
    check(&[
        // "bajo el régimen" sets the count over the régimen's whole span: its arrests.
        ("Las autoridades detuvieron a 1.234 personas bajo el régimen de excepción.", "1.234", Some("es_state_of_exception_arrests")),
        // The same past tense in one place, no span named: one raid, no running total.
        ("El régimen de excepción sigue vigente. La policía capturó a 1.234 pandilleros en Soyapango.", "1.234", None),
    ]);
}

#[test]
fn an_opening_named_by_a_start_of_operations_dates_the_prison() {
    check(&[
        // "puesta en marcha", "comenzó a funcionar": the prison's opening.
        ("Desde su puesta en marcha en mayo de 2020, el CECOT ha recibido a miles de reos.", "mayo de 2020", Some("cecot_opening_date")),
        ("El CECOT, que comenzó a funcionar en mayo de 2020, es enorme.", "mayo de 2020", Some("cecot_opening_date")),
        // Another building's start: no prison named, no opening of it.
        ("La puesta en marcha del nuevo hospital fue en mayo de 2020.", "mayo de 2020", None),
    ]);
}

#[test]
fn es_a_quantity_named_in_the_figures_clause_fills_it_though_not_its_own_phrase() {
    check(&[
        // "En ellos iban" names the men carried, in the clause, before the figure's own noun.
        ("El Gobierno habló de los vuelos al CECOT. Fueron tres aviones. En ellos iban 1.234 venezolanos, según el Gobierno.", "1.234", Some("venezuelans_deported_to_cecot")),
        // A quantity of another clause says nothing of it.
        ("El Gobierno habló de los vuelos al CECOT. Los aviones iban llenos, y 1.234 venezolanos esperan en Texas.", "1.234", None),
    ]);
}

#[test]
fn an_answer_reads_the_question_before_it() {
    check(&[
        // The question names what the answer's figure counts and whose it is.
        ("¿Cuánto dura el régimen de excepción? Ya cuatro años y medio.", "cuatro años", Some("es_state_of_exception_duration")),
        ("¿Cuántos presos hay en El Salvador? Unos 112.345, según el Gobierno.", "112.345", Some("es_prison_population")),
        // A question about another country; one about an extension; a figure deep in a
        // sentence that does not answer the question.
        ("¿Cuántos presos hay en Honduras? Unos 12.345, según el Gobierno.", "12.345", None),
        ("¿Cuánto dura una prórroga del régimen de excepción? Treinta días.", "Treinta días", Some("es_state_of_exception_extension_length")),
        ("¿Cuántos presos hay en El Salvador? La cifra oficial no se publica desde hace cuatro años.", "cuatro años", None),
    ]);
}

#[test]
fn an_opening_named_by_its_noun_dates_the_prison() {
    check(&[
        // "su apertura": the prison's opening.
        ("Desde su apertura en mayo de 2020, el CECOT ha recibido a miles de reos.", "mayo de 2020", Some("cecot_opening_date")),
        // Another prison's opening; the opening of a part of the prison.
        ("Desde su apertura en mayo de 2019, el penal de Izalco ha recibido a miles de reos.", "mayo de 2019", None),
        ("El CECOT celebró la apertura de un nuevo pabellón en mayo de 2024.", "mayo de 2024", None),
    ]);
}

#[test]
fn a_rate_named_with_its_base_before_its_level() {
    check(&[
        // "por cada 1.000 habitantes" between the rate's noun and its level is the rate's base.
        ("El Salvador cambió mucho. La tasa de homicidios por cada 100.000 habitantes bajó a 5,6 en 2023.", "5,6", Some("es_homicide_rate")),
        // Another country's rate, with the same wording.
        ("El Salvador cambió mucho. En Honduras, la tasa de homicidios por cada 100.000 habitantes bajó a 24 en 2023.", "24", None),
    ]);
}

#[test]
fn those_sent_to_prison_under_the_regime_are_its_arrests() {
    check(&[
        // "remitidos" (sent on to the courts or to prison) under the regime: its arrests.
        ("Bajo el régimen de excepción, 85.123 personas fueron remitidas a prisión.", "85.123", Some("es_state_of_exception_arrests")),
        // Another country's exception; one weekend's raid.
        ("En Honduras, bajo el estado de excepción, 8.123 personas fueron remitidas a prisión.", "8.123", None),
        ("La Policía remitió a 1.234 pandilleros a los tribunales el fin de semana, bajo el régimen de excepción.", "1.234", None),
    ]);
}

#[test]
fn homicidal_violence_names_the_homicide_rate() {
    check(&[
        ("El Salvador cambió mucho. La violencia homicida pasó de 38 por cada 100.000 habitantes en 2019 a 5,6 en 2023.", "5,6", Some("es_homicide_rate")),
        ("El Salvador cambió mucho. En Honduras, la violencia homicida pasó de 38 por cada 100.000 habitantes en 2019 a 31 en 2023.", "31", None),
    ]);
}

#[test]
fn es_a_rate_of_the_jailed_is_no_homicide_rate() {
    check(&[
        // The rate's own noun says what it counts, whatever else its sentence names.
        ("Los homicidios bajaron, pero El Salvador tiene 345 encarcelados por cada 100.000 habitantes.", "345", Some("es_incarceration_rate")),
        ("Los encarcelados aumentaron, y el país registra 2,3 homicidios por cada 100.000 habitantes.", "2,3", Some("es_homicide_rate")),
    ]);
}
