import { Pending } from '../../components/Pending';

export default function Page() {
  return <Pending title="nav.prevention" />;
}
