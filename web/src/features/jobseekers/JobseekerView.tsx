// Placeholder until the view is built.
export default function JobseekerView() {
  return <p>JobseekerView</p>;
}
