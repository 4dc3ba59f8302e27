// Placeholder until the view is built.
export default function VacancyList() {
  return <p>VacancyList</p>;
}
