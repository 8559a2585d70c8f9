tracebriefSearch.terms("st",{"starmer":"0,4,j,1,1"});
