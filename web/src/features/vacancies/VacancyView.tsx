// Placeholder until the view is built.
export default function VacancyView() {
  return <p>VacancyView</p>;
}
