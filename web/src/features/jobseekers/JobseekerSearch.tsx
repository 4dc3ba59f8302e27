// Placeholder until the view is built.
export default function JobseekerSearch() {
  return <p>JobseekerSearch</p>;
}
